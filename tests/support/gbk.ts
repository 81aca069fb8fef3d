/**
 * GBK bytes for tests. Node decodes GBK but cannot encode it, so the words tests use are spelled out
 * here byte by byte (as Excel on Chinese Windows saves them; made with Python's 'gbk' codec).
 */
const words: Record<string, number[]> = {
  张三: [0xd5, 0xc5, 0xc8, 0xfd],
  李四: [0xc0, 0xee, 0xcb, 0xc4],
  王伟: [0xcd, 0xf5, 0xce, 0xb0],
  陈静: [0xb3, 0xc2, 0xbe, 0xb2],
  话务一组: [0xbb, 0xb0, 0xce, 0xf1, 0xd2, 0xbb, 0xd7, 0xe9],
  投诉处理组: [0xcd, 0xb6, 0xcb, 0xdf, 0xb4, 0xa6, 0xc0, 0xed, 0xd7, 0xe9],
  工号: [0xb9, 0xa4, 0xba, 0xc5],
  姓名: [0xd0, 0xd5, 0xc3, 0xfb],
  班组: [0xb0, 0xe0, 0xd7, 0xe9],
  密码: [0xc3, 0xdc, 0xc2, 0xeb],
  主管: [0xd6, 0xf7, 0xb9, 0xdc],
  离职: [0xc0, 0xeb, 0xd6, 0xb0],
};

const pattern = new RegExp(Object.keys(words).sort((a, b) => b.length - a.length).join('|'), 'gu');

/** The text in GBK: ASCII as is, and the Chinese words above; any other character is refused. */
export function gbk(text: string): Buffer {
  const parts: Buffer[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    parts.push(ascii(text.slice(last, match.index)), Buffer.from(words[match[0]]!));
    last = match.index + match[0].length;
  }
  parts.push(ascii(text.slice(last)));
  return Buffer.concat(parts);
}

function ascii(text: string): Buffer {
  if ([...text].some((c) => c.charCodeAt(0) > 0x7f)) throw new Error(`no GBK bytes in the test table for: ${text}`);
  return Buffer.from(text, 'ascii');
}
