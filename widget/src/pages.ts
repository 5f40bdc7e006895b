/** A page the visitor looks at, as the server's `page:view` takes it. */
export interface Page {
  url: string;
  title: string;
}

export const pageOf = (url: string, title: string): Page => ({ url: url.slice(0, 2048), title: title.slice(0, 300) });
