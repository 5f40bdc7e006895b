import { render } from 'preact';
import { App } from './components/App.tsx';
import './styles.css';
import './styles/canned.css';
import './styles/panels.css';
import './styles/admin.css';
import './styles/setup.css';
import './styles/account.css';
import './styles/history.css';
import './styles/supervision.css';

const root = document.getElementById('app');
if (root) render(<App />, root);
