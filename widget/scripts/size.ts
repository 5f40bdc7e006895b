/// <reference types="node" />
import { measure } from './measure.ts';

const { sizes, problems } = measure();
console.log(JSON.stringify(sizes));
for (const p of problems) console.error(p);
process.exitCode = problems.length ? 1 : 0;
