// app/ compiles without DOM or Node types, so a stray `fs` or `document` fails there. AbortController and
// AbortSignal exist in every runtime app/ code runs in (Node, Electron's processes, the browser), so the part of
// them app/ uses is declared here, for app/tsconfig.json alone; main/, renderer/ and test/ get the real ones.

interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  throwIfAborted(): void;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}

// eslint-disable-next-line no-var -- a global declaration, the form lib.dom.d.ts uses too
declare var AbortController: { prototype: AbortController; new (): AbortController };
