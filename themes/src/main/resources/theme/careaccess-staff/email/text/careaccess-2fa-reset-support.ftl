<#ftl output_format="plainText">
${msg("careaccess.email.twoFactorResetBySupport.body", serviceName, ticket)}

${msg("careaccess.email.twoFactorReset.next")}

${msg("careaccess.email.twoFactorReset.notYou")}
