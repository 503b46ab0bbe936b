// The output formats by name, apart from their renderers so that the command line can list them
// without loading the templates engine.
export const FORMAT_NAMES = ['html', 'md', 'json', 'csv', 'jsonl', 'findings'] as const;
