/** Workbooks bundled into the workbench (webpack inlines them as data URLs). */
declare module '*.xlsx' {
  const url: string;
  export default url;
}
