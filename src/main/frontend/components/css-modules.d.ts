// Lets TypeScript accept a component's side-effect import of a library's stylesheet (uPlot's); Vite bundles the CSS.
declare module '*.css';
