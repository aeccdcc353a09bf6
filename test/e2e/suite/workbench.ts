// What only the workbench page can do (screenshots, reading what is rendered), through the loopback endpoint that
// test/e2e/run.mjs gives each scenario in INTEGRATION_LENS_E2E_CONTROL. Elsewhere (runTests with desktop VS Code)
// there is no such endpoint: `available` is false and screenshots do nothing.

const control = process.env.INTEGRATION_LENS_E2E_CONTROL;

export const workbench = {
  available: !!control,

  /** Saves .e2e/screenshots/<scenario>-<name>.png; with `waitFor`, once an element matching it shows the text. */
  async screenshot(name: string, waitFor?: { selector: string; text: string }): Promise<void> {
    if (!control) return;
    const query = new URLSearchParams({ name, ...waitFor });
    const response = await fetch(`${control}/screenshot?${query}`, { method: 'POST' });
    if (!response.ok) throw new Error(`screenshot ${name}: ${response.status} ${await response.text()}`);
  },

  /**
   * The rendered text of the first element matching `selector` that includes `text`, once there is one; undefined if
   * none appears within 10 s (the page waits on its own rendering, not on a timer of ours).
   */
  async textOf(selector: string, text: string): Promise<string | undefined> {
    if (!control) throw new Error('no workbench control endpoint');
    const response = await fetch(`${control}/text?${new URLSearchParams({ selector, text })}`);
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`text of ${selector}: ${response.status} ${await response.text()}`);
    return response.text();
  },

  /**
   * An element of the visible webview's page (the first matching `selector`), once there is one: its text, its
   * data-* attributes and how many canvases the page has; undefined if none appears within 10 s.
   */
  async webview(selector: string): Promise<{ text: string; data: Record<string, string>; canvases: number } | undefined> {
    if (!control) throw new Error('no workbench control endpoint');
    const response = await fetch(`${control}/webview?${new URLSearchParams({ selector })}`);
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`webview ${selector}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { text: string; data: Record<string, string>; canvases: number };
  },

  /**
   * Like textOf, but in any frame of the page: webviews render in nested iframes (the preview's DOM). Undefined if no
   * frame shows such an element within 10 s.
   */
  async frameText(selector: string, text: string): Promise<string | undefined> {
    if (!control) throw new Error('no workbench control endpoint');
    const response = await fetch(`${control}/frameText?${new URLSearchParams({ selector, text })}`);
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`frame text of ${selector}: ${response.status} ${await response.text()}`);
    return response.text();
  },

  /** An attribute of the first element matching `selector` in any frame, once there is one (undefined after 10 s). */
  async frameAttribute(selector: string, attribute: string): Promise<string | undefined> {
    if (!control) throw new Error('no workbench control endpoint');
    const response = await fetch(`${control}/frameAttribute?${new URLSearchParams({ selector, attribute })}`);
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`frame attribute of ${selector}: ${response.status} ${await response.text()}`);
    return response.text();
  },
};
