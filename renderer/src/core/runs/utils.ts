/** What was dropped or picked: files and whole folders, with their relative names. */
import type { UploadedFile } from '../../../../shared/api/contract.js';

/** Files from a drop, walking folders (webkitGetAsEntry) so a dropped folder keeps its structure. */
export async function filesFromDrop(transfer: DataTransfer): Promise<File[] & { names?: string[] }> {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => Boolean(e));
  if (!entries.length) return [...transfer.files];
  const files: File[] = [];
  const visit = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      files.push(new File([file], `${prefix}${entry.name}`, { type: file.type }));
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      let batch: FileSystemEntry[];
      do {
        batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        for (const child of batch) await visit(child, `${prefix}${entry.name}/`);
      } while (batch.length);
    }
  };
  for (const entry of entries) await visit(entry, '');
  return files;
}

/** The name a file goes up with: its path inside a picked folder, else its own name. */
export function uploadName(file: File): string {
  return (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
}

/** The files as the API sends them: names and the files themselves, which the transport streams (never read here). */
export function toUploads(files: File[]): UploadedFile[] {
  return files.map((file) => ({ name: uploadName(file), content: file }));
}
