// Packages installed without type definitions: everything they export is `any`.
declare module 'legacy-redis';
