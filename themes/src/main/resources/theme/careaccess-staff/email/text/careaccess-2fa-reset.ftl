<#ftl output_format="plainText">
${msg("careaccess.email.twoFactorReset.body", serviceName)}

${msg("careaccess.email.twoFactorReset.next")}

${msg("careaccess.email.twoFactorReset.notYou")}
