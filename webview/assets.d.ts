// Stylesheets imported by the page are bundled by esbuild into a .css file next to the script.
declare module '*.css';
