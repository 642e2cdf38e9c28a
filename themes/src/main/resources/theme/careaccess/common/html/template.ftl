<#--
  Layout of every HTML email sent with a CareAccess email theme: plain, readable in any mail
  client, styled inline (mail clients drop style sheets), NHS blue header with the service name.
-->
<#macro emailLayout>
<html lang="${locale.language}" dir="${(ltr)?then('ltr','rtl')}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="margin:0;padding:0;background:#f0f4f5;font-family:Arial,sans-serif;font-size:19px;line-height:1.5;color:#212b32;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;">
    <tr><td style="background:#005eb8;padding:16px 24px;color:#ffffff;font-weight:bold;font-size:22px;">${(realmName)!""}</td></tr>
    <tr><td style="background:#ffffff;padding:24px;">
        <#nested>
    </td></tr>
</table>
</body>
</html>
</#macro>
