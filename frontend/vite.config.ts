import { defineConfig } from 'vitest/config';

// The Go service (make run) listens here; `npm run dev` forwards its routes to it.
const backend = 'http://localhost:8080';

export default defineConfig({
  server: {
    proxy: {
      '/api': backend,
      '/healthz': backend,
      '/readyz': backend,
    },
  },
  preview: {
    proxy: {
      '/api': backend,
      '/healthz': backend,
      '/readyz': backend,
    },
  },
  build: {
    outDir: 'dist',
    // Hashed file names under assets/ are what lets the Go handler cache them for a year.
    assetsDir: 'assets',
    emptyOutDir: true,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    restoreMocks: true,
    unstubGlobals: true,
  },
});
