import type { Locale, PublicSiteConfig } from '@cascade/shared';

/** What the loader hands the panel when it mounts it. */
export interface Host {
  /** The widget's shadow root: the panel renders here, beside the launcher. */
  root: ShadowRoot;
  /** The folder widget.js was loaded from: the API, the socket and the panel files live there. */
  base: string;
  siteKey: string;
  /** The site's public settings as fetched by the loader; null when unreachable. */
  config: Promise<PublicSiteConfig | null>;
  readonly open: boolean;
  /** The language of the script tag's data-locale, if any. */
  locale: Locale | null;
  /**
   * `Cascade(...)` calls, oldest first (open and close excepted): the panel runs those made before
   * it arrived, the invitation bubble reads them all.
   */
  queue: readonly ArrayLike<unknown>[];
  /** The panel asks to open or close (close button, Escape); the loader owns the launcher and focus. */
  requestOpen(open: boolean): void;
  /** Once loaded, the panel decides the launcher's language and its unread badge ('' for none). */
  showLauncher(locale: Locale, badge: string): void;
}

/** What the panel gives back to the loader. */
export interface Panel {
  setOpen(open: boolean): void;
  /** Runs a `Cascade(...)` call other than open and close. */
  call(args: ArrayLike<unknown>): void;
}

export interface PanelModule {
  mount(host: Host): Panel;
}

/** The invitation bubble's chunk, fetched only for sites with enabled proactive rules. */
export interface BubbleModule {
  /** Reads the site's rules from `host.config`, already fetched. */
  start(host: Host): Promise<void>;
}
