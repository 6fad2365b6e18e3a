// Packages the scenarios use that are not installed.
declare module 'chai-as-promised' {
  const plugin: Chai.ChaiPlugin;
  export default plugin;
}

declare module '@vitest/browser/context' {
  export const page: {
    getByText(text: string): HTMLElement;
    getByRole(role: string, options?: { name?: string }): { click(): Promise<void> };
  };
}
