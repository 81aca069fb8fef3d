/** The README that travels in every export: how an auditor checks it, in both languages. Runs in: the hub. */
import { allowedSignersName, manifestName, signatureName } from './manifest.js';

export function auditorReadme(principal: string, fingerprint: string): string {
  const verify = `ssh-keygen -Y verify -f ${allowedSignersName} -I ${principal} -n file -s ${signatureName} < ${manifestName}`;
  return `SafeFloor export — how to check it / 如何核验本导出
==========================================================

English
-------
1. Use the allowed_signers line the site gave you separately (printed, or from head office), not
   only the copy in this folder. Its key fingerprint must be: ${fingerprint}
2. Check the signature of manifest.json (OpenSSH 8.1 or later):
   Linux / macOS:   ${verify}
   Windows 10/11:   cmd /c "${verify}"
   (Run it from cmd.exe as shown; PowerShell's piping breaks it.)
   Success prints: Good "file" signature for ${principal} (exit code 0).
3. Check every file against its SHA-512 in manifest.json:
   Linux:   sha512sum presence_events.csv      macOS:  shasum -a 512 presence_events.csv
   Windows: certutil -hashfile presence_events.csv SHA512
4. The audit chain: audit_log.jsonl holds the period's entries; each entry's prev_hash is the hash
   of the entry before it, and the first one's prev_hash equals the previous export's
   chain.lastHash (manifest.json). \`safefloor verify <folder> --previous <earlier folder>\`
   checks all of this, record by record.
CSV files are UTF-8 with a byte order mark and open in Excel with Chinese intact. A cell that
would start like a formula (= + - @) is prefixed with an apostrophe; the .jsonl files hold every
value exactly.

中文
----
1. 请使用站点另行提供的 allowed_signers（打印件或总部邮件），不要只依赖本文件夹中的副本。
   密钥指纹应为：${fingerprint}
2. 核验 manifest.json 的签名（需 OpenSSH 8.1 及以上）：
   Linux / macOS：   ${verify}
   Windows 10/11：   cmd /c "${verify}"
   （请在 cmd.exe 中运行；PowerShell 的管道会导致失败。）
   成功时显示：Good "file" signature for ${principal}（退出码 0）。
3. 按 manifest.json 中的 SHA-512 逐一核对文件：
   Linux：sha512sum presence_events.csv    macOS：shasum -a 512 presence_events.csv
   Windows：certutil -hashfile presence_events.csv SHA512
4. 审计链：audit_log.jsonl 含本期全部审计记录；每条的 prev_hash 等于前一条的 hash，
   第一条的 prev_hash 应等于上一次导出的 chain.lastHash。
   \`safefloor verify <文件夹> --previous <上次导出文件夹>\` 会逐条核验以上内容。
CSV 文件为带 BOM 的 UTF-8，可在 Excel 中正常显示中文。以公式符号（= + - @）开头的单元格前加了撇号；
.jsonl 文件保存原始值。
`;
}
