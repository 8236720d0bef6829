/**
 * A folder on this machine, named by its path (the engine reads it where it runs): checked as it is
 * entered — exists, is a folder, holds what it is for — with the problem named; Electron adds its
 * native folder dialog.
 */
import { useEffect, useState } from 'react';
import type { FolderCheck, FolderPurpose } from '../../../shared/api/audit.js';
import { api } from '../api.js';

export function FolderField({ label, purpose, value, onChange }: { label: string; purpose: FolderPurpose; value: string; onChange: (path: string, check: FolderCheck | null) => void }) {
  const [check, setCheck] = useState<FolderCheck | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const validate = async (path: string) => {
    if (!path.trim()) return onChange(path, null);
    try {
      const result = await api.call('checkFolder', { path, purpose });
      setCheck(result);
      setProblem(null);
      onChange(result.path, result);
    } catch (error) {
      setCheck(null);
      setProblem((error as Error).message);
      onChange(path, null);
    }
  };
  useEffect(() => {
    if (value && !check && !problem) void validate(value);
  }, []);
  const browse = window.rootline?.pickFolder;
  return (
    <div className="folder-field">
      <label>{label}{' '}
        <input type="text" spellCheck={false} placeholder="/path/to/folder" value={value} onChange={(e) => { setCheck(null); setProblem(null); onChange(e.target.value, null); }} onBlur={(e) => void validate(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && void validate((e.target as HTMLInputElement).value)} />
      </label>
      {browse && <button onClick={async () => { const picked = await browse(); if (picked) await validate(picked); }}>Browse…</button>}
      {check && <small className="hint">{check.summary}</small>}
      {problem && <small className="error" role="alert">{problem}</small>}
    </div>
  );
}
