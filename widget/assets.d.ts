/** The bundler imports stylesheets as text (scripts/build-widget.ts). */
declare module '*.css' {
  const css: string;
  export default css;
}
