<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>Confirmez votre abonnement</title></head>
<body>
<p>Bonjour,</p>
<p>Vous avez demandé à recevoir la lettre d'information d'Open Collectivités<#if territories?has_content> sur : ${territories?join(", ")}</#if><#if themes?has_content><#if territories?has_content>,</#if> thématiques : ${themes?join(", ")}</#if>.</p>
<p><a href="${confirmUrl}">Confirmer mon abonnement</a> (lien valable ${validityHours} heures).</p>
<p>Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : sans confirmation, votre adresse sera effacée dans 7 jours.</p>
<p>L'équipe Open Collectivités (ANCT)</p>
</body>
</html>
