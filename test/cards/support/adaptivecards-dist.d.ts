// The UMD bundle exports the same API as the package's ES modules, and loads in Node without a DOM.
declare module 'adaptivecards/dist/adaptivecards.js' {
  export * from 'adaptivecards';
}
