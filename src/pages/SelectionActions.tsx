// What the selection bar's buttons start, in one chunk loaded when one is pressed: the bulk
// dialog and the CSV export. One chunk, not two: each would share a different part of the code
// the list's first JS holds, and the bundler would split that code into more, smaller files.
export { SelectionBulkDialog, type SelectionBulkDialogProps } from './SelectionBulkDialog.tsx';
export { SelectionExport, type SelectionExportProps } from './SelectionExport.tsx';
