/** Reading what was dropped or picked: files and whole folders, as relative names + text. */
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

export async function readUploads(files: File[], onRead: (n: number) => void): Promise<UploadedFile[]> {
  const uploads: UploadedFile[] = [];
  for (const file of files) {
    uploads.push({ name: uploadName(file), text: await file.text() });
    onRead(uploads.length);
  }
  return uploads;
}
