/**
 * Turns Slack message text into a plain question: drops leading `<@U…>` mentions (the bot's name)
 * and decodes Slack's `&amp;`, `&lt;`, `&gt;`. Everything else stays literal, and is escaped again
 * when the reply is rendered.
 *
 * @example slackTextToPlain('<@U0BOT> steel &amp; coal?') // 'steel & coal?'
 */
export function slackTextToPlain(text: string): string {
  return text
    .replace(/^(\s*<@[A-Z0-9]+(\|[^>]*)?>[\s,:]*)+/i, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim()
}
