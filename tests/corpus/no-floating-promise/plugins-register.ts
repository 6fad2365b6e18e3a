// Plugins loaded with dynamic `import()` from a loop: startup goes on before
// any plugin is registered, and a plugin with a syntax error is an unhandled
// rejection instead of a startup failure.
interface Plugin {
  name: string;
  setup(): void;
}

const registry = new Map<string, Plugin>();

function loadPlugin(name: string) {
  return import(`./plugins/${name}.js`).then((mod: { default: Plugin }) => {
    registry.set(name, mod.default);
    mod.default.setup();
  });
}

export function registerPlugins(enabled: readonly string[]): ReadonlyMap<string, Plugin> {
  for (const name of enabled) loadPlugin(name); // expect-floating
  return registry;
}
