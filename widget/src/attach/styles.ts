import { useLayoutEffect, useRef } from 'preact/hooks';
import { adopt } from '../adopt.ts';
import css from './files.css?inline';

const styled = new WeakSet<ShadowRoot>();

/**
 * The chunk brings its own stylesheet, so the panel's first load does not carry it: added to the
 * widget's shadow root before the first part of the chunk is painted there.
 */
export function useStyles<E extends Element>() {
  const ref = useRef<E>(null);
  useLayoutEffect(() => {
    const root = ref.current?.getRootNode();
    if (root instanceof ShadowRoot && !styled.has(root)) {
      styled.add(root);
      adopt(root, css);
    }
  }, []);
  return ref;
}
