declare module '*.css?inline' {
  const css: string;
  export default css;
}

/** The panel's hashed file name, defined by the build when it bundles the loader. */
declare const __PANEL_FILE__: string;

/** The invitation bubble's hashed file name, defined by the build when it bundles the loader. */
declare const __BUBBLE_FILE__: string;
