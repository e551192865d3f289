// The project compiles without the DOM library (it is a Node service), so functions that playwright
// runs inside the page type the little of the DOM they touch with these.

/** The parts of an HTML element the in-page functions use. */
export interface PageElement {
  readonly textContent: string | null;
  readonly innerText: string;
  readonly scrollWidth: number;
  readonly clientWidth: number;
  readonly childElementCount: number;
  getBoundingClientRect(): { top: number; bottom: number; left: number; right: number };
  readonly style: { width: string };
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  replaceChildren(): void;
  appendChild(child: PageElement): void;
}

/** The page's `globalThis`, as the in-page functions see it. */
export interface PageGlobals {
  document: {
    getElementById(id: string): PageElement | null;
    querySelectorAll(selector: string): ArrayLike<PageElement>;
  };
}
