// Code that runs when the process is already exiting, and exit methods of
// other objects.
interface ElectronApp {
  exit(code: number): void;
  quit(): void;
}

process.on('exit', (code) => {
  console.log(`exiting with ${String(code)}`);
});

export function closeWindow(app: ElectronApp, failed: boolean): void {
  if (failed) app.exit(1);
  else app.quit();
}
