/** The input field that names the file each file-changing tool writes. */
const PATH_FIELDS: Readonly<Record<string, string>> = {
  Edit: 'file_path',
  Write: 'file_path',
  MultiEdit: 'file_path',
  NotebookEdit: 'notebook_path',
};

export interface ToolPath {
  /** The field that should hold the path (file_path, notebook_path). */
  field: string;
  /** Its value; undefined when missing, empty or not a string. */
  path: string | undefined;
}

/** The file a file-changing tool call writes; undefined for tools that write no named file. */
export function fileToolPath(toolName: string | undefined, toolInput: Record<string, unknown>): ToolPath | undefined {
  const field = toolName === undefined ? undefined : PATH_FIELDS[toolName];
  if (field === undefined) return undefined;
  const value = toolInput[field];
  return { field, path: typeof value === 'string' && value !== '' ? value : undefined };
}
