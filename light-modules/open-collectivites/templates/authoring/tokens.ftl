<#-- The signed-in author's own API tokens (OwnTokensPage): the secret of a token just created (shown once),
     the list with a revoke button each, the creation form. Used by the administration's token page and by
     everyone's (/auteur/compte/jetons); "address" is the page's own. -->
<#import "admin.ftl" as admin>
<#macro panel address>
  <p>${i18n("authoring.ui.tokens.intro")}</p>
  <#if secret??>
  <div class="fr-alert fr-alert--success fr-mb-3w" role="status">
    <p>${i18n("authoring.ui.tokens.created", secretName)}</p>
  </div>
  <div class="fr-input-group fr-mb-5w">
    <label class="fr-label" for="nouveau-jeton">${i18n("authoring.ui.tokens.secret")}</label>
    <input class="fr-input" type="text" id="nouveau-jeton" value="${secret}" readonly>
  </div>
  </#if>
  <#if tokens?has_content>
  <div class="fr-table"><table>
    <caption>${i18n("authoring.ui.tokens.caption")}</caption>
    <thead><tr>
      <th scope="col">${i18n("authoring.ui.tokens.col.id")}</th>
      <th scope="col">${i18n("authoring.ui.tokens.col.name")}</th>
      <th scope="col">${i18n("authoring.ui.tokens.col.created")}</th>
      <th scope="col">${i18n("authoring.ui.tokens.col.actions")}</th>
    </tr></thead>
    <tbody>
    <#list tokens as t>
      <tr>
        <td><code>${t.id}</code></td><td>${t.name}</td><td><time datetime="${t.iso}">${t.created}</time></td>
        <td>
          <form method="post" action="${address}/${t.id}/revoquer">
            <input type="hidden" name="csrf" value="${csrf}">
            <button type="submit" class="fr-btn fr-btn--tertiary fr-btn--sm" aria-label="${i18n("authoring.ui.tokens.revokeLabel", t.name + " (" + t.id + ")")}">${i18n("authoring.ui.tokens.revoke")}</button>
          </form>
        </td>
      </tr>
    </#list>
    </tbody>
  </table></div>
  <#else>
  <p>${i18n("authoring.ui.tokens.none")}</p>
  </#if>
  <h2 id="nouveau-jeton-titre">${i18n("authoring.ui.tokens.new")}</h2>
  <form method="post" action="${address}" aria-labelledby="nouveau-jeton-titre">
    <input type="hidden" name="csrf" value="${csrf}">
    <@admin.input name="nom" label=i18n("authoring.ui.tokens.name") hint=i18n("authoring.ui.tokens.nameHint") autocomplete="off"/>
    <button type="submit" class="fr-btn">${i18n("authoring.ui.tokens.create")}</button>
  </form>
</#macro>
