/** How the screens should show a time: 24-hour, in the site's zone, independent of the test machine's. */
export const siteTime = (at: number, language = 'zh-CN') =>
  new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Shanghai' }).format(at);
