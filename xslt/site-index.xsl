<?xml version="1.0" encoding="UTF-8"?>
<!-- The edition's front page: every document, oldest first, with date, title, sender
     and summary, and filters by year, month, person, place, sender and recipient (each
     card carries its values in data- attributes; facets.js filters and counts, and keeps
     the choice in the address's fragment). Without JavaScript the filters stay hidden
     and the whole list shows. Input: the edition listing (e:edition/e:document, each
     holding a TEI). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:e="urn:tei-edition:site"
    xmlns:f="urn:tei-edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:include href="html/frame.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
      include-content-type="no"/>

  <xsl:template match="/">
    <xsl:variable name="documents" select="f:chronological(.)"/>
    <xsl:call-template name="page">
      <xsl:with-param name="lang" select="'en'"/>
      <xsl:with-param name="title" select="$site-title || ': documents'"/>
      <xsl:with-param name="scripts" select="'facets.js'"/>
      <xsl:with-param name="class" select="'index-page'"/>
      <xsl:with-param name="current" select="'index'"/>
      <xsl:with-param name="tei" select="$documents[1]/tei:TEI"/>
      <xsl:with-param name="documents" select="$documents" tunnel="yes"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The main element of the page (see the page template in html/frame.xsl). -->
  <xsl:template match="/" mode="page-main">
    <xsl:param name="documents" as="element(e:document)*" tunnel="yes"/>
    <h1><xsl:value-of select="$site-title"/></h1>
    <xsl:if test="normalize-space($site-subtitle)">
      <p class="subtitle"><xsl:value-of select="$site-subtitle"/></p>
    </xsl:if>
    <p class="lede">
      <xsl:value-of select="count($documents)"/>
      <xsl:text> document</xsl:text>
      <xsl:if test="count($documents) ne 1">s</xsl:if>
      <xsl:text>, in the order they were written. </xsl:text>
      <xsl:text>The registers of </xsl:text>
      <a href="persons.html">persons</a>
      <xsl:text>, </xsl:text>
      <a href="places.html">places</a>
      <xsl:text> and </xsl:text>
      <a href="organisations.html">organisations</a>
      <xsl:text> list everyone and everything they name; </xsl:text>
      <a href="search.html">search</a>
      <xsl:text> finds any word.</xsl:text>
    </p>
    <xsl:variable name="facets" select="$documents ! f:facet-values(.)"/>
    <xsl:call-template name="facet-form">
      <xsl:with-param name="facets" select="$facets"/>
    </xsl:call-template>
    <ol class="document-list" id="document-list">
      <xsl:for-each select="$documents">
        <xsl:variable name="index" select="position()"/>
        <xsl:variable name="values" select="$facets[$index]"/>
        <xsl:variable name="tei" select="tei:TEI"/>
        <xsl:variable name="title" select="f:title($tei)"/>
        <xsl:variable name="date" select="f:creation-date($tei)"/>
        <xsl:variable name="sender" select="f:corresp-words($tei, 'sent')"/>
        <li>
          <xsl:for-each select="$facet-names">
            <xsl:attribute name="data-{.}" select="string-join(
                distinct-values($values(current()) ! ?key), ' ')"/>
          </xsl:for-each>
          <article class="document-card" aria-labelledby="doc-{position()}">
            <h2 id="doc-{position()}"><a href="{@href}"><xsl:value-of select="$title"/></a></h2>
            <p class="meta">
              <xsl:if test="$date">
                <xsl:call-template name="time">
                  <xsl:with-param name="date" select="$date"/>
                  <xsl:with-param name="content" select="normalize-space($date)"/>
                </xsl:call-template>
              </xsl:if>
              <xsl:if test="$date and exists($sender)">
                <span class="sep" aria-hidden="true"> · </span>
              </xsl:if>
              <xsl:if test="exists($sender)">
                <span class="sender">From <xsl:value-of select="$sender"/></span>
              </xsl:if>
            </p>
            <xsl:variable name="summary" select="f:summary($tei)"/>
            <xsl:if test="$summary">
              <p class="summary"><xsl:value-of select="$summary"/></p>
            </xsl:if>
          </article>
        </li>
      </xsl:for-each>
    </ol>
  </xsl:template>

  <xsl:variable name="facet-names" select="('year', 'month', 'person', 'place', 'from', 'to')"/>

  <xsl:variable name="facet-labels" as="map(xs:string, xs:string)" select="map{
      'year': 'Year', 'month': 'Month', 'person': 'Person', 'place': 'Place',
      'from': 'Sender', 'to': 'Recipient'}"/>

  <!-- A document's values for each facet: a map from facet name to a sequence of
       map{'key', 'label', 'sort'}. -->
  <xsl:function name="f:facet-values" as="map(*)">
    <xsl:param name="document" as="element(e:document)"/>
    <xsl:variable name="tei" select="$document/tei:TEI"/>
    <xsl:variable name="date" select="f:sort-date($tei)"/>
    <xsl:variable name="year" select="if (matches($date, '^\d{4}') and $date ne '9999')
        then substring($date, 1, 4) else ()"/>
    <xsl:variable name="month" select="if (matches($date, '^\d{4}-(0[1-9]|1[0-2])'))
        then substring($date, 1, 7) else ()"/>
    <xsl:sequence select="map{
        'year': $year ! map{'key': ., 'label': ., 'sort': .},
        'month': $month ! map{'key': ., 'sort': .,
            'label': format-date(xs:date(. || '-01'), '[MNn] [Y]', 'en', (), ())},
        'person': f:named($tei, 'persName', 'person'),
        'place': f:named($tei, 'placeName', 'place'),
        'from': f:party($tei, 'sent'),
        'to': f:party($tei, 'received')}"/>
  </xsl:function>

  <!-- The register entries of one kind that the text names. -->
  <xsl:function name="f:named" as="map(*)*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="entry" as="xs:string"/>
    <xsl:variable name="entries" select="$tei/tei:teiHeader//*[local-name() = $entry]
        [parent::tei:listPerson | parent::tei:listPlace | parent::tei:listOrg]"/>
    <xsl:for-each select="distinct-values($tei/tei:text//*[local-name() = $name]
        [starts-with(@ref, '#')] ! substring(@ref, 2))">
      <xsl:variable name="found" select="f:full($entries[@xml:id = current()][1])"/>
      <xsl:if test="$found">
        <xsl:variable name="label" select="f:entry-name($found, $name)"/>
        <xsl:sequence select="map{'key': ., 'label': $label,
            'sort': lower-case(replace($label, '^(the|The)\s+', ''))}"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:function>

  <xsl:function name="f:entry-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="name" as="xs:string"/>
    <xsl:variable name="names" select="$entry/*[local-name() = $name]"/>
    <xsl:sequence select="normalize-space(string(($names[@type = 'main'], $names, $entry/@xml:id)[1]))"/>
  </xsl:function>

  <!-- Sender or recipient: from the correspondence description where there is one;
       else the register's persons whose name the title's words for it contain ("from X",
       "to Y", kept in the correspondence description); else those words themselves. -->
  <xsl:function name="f:party" as="map(*)*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:param name="action" as="xs:string"/>
    <xsl:variable name="corresp" select="$tei/tei:teiHeader/tei:profileDesc/tei:correspDesc
        /tei:correspAction[@type = $action]/(tei:persName | tei:orgName | tei:name)"/>
    <xsl:variable name="words" select="f:corresp-words($tei, $action)"/>
    <!-- A name the words do not contain cannot match the pattern: contains() rules it out
         before a regular expression is built and compiled for it. Compiling one for every
         person of every document whose correspondence description names no party took
         about half of this page's time. -->
    <xsl:variable name="persons" select="f:full($tei/tei:teiHeader//tei:listPerson/tei:person[@xml:id])
        [some $n in tei:persName ! normalize-space(.) satisfies
            contains($words, $n) and matches($words, '(^|\W)' || f:regex-escape($n) || '(\W|$)')]"/>
    <xsl:choose>
      <xsl:when test="exists($corresp)">
        <xsl:sequence select="$corresp ! map{
            'key': if (starts-with(@ref, '#')) then substring(@ref, 2) else f:slug(.),
            'label': normalize-space(.), 'sort': lower-case(normalize-space(.))}"/>
      </xsl:when>
      <xsl:when test="exists($persons)">
        <xsl:sequence select="$persons ! map{'key': string(@xml:id),
            'label': f:entry-name(., 'persName'), 'sort': lower-case(f:entry-name(., 'persName'))}"/>
      </xsl:when>
      <xsl:when test="exists($words)">
        <xsl:sequence select="map{'key': f:slug($words), 'label': normalize-space($words),
            'sort': lower-case(normalize-space($words))}"/>
      </xsl:when>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="f:slug" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="'n-' || encode-for-uri(replace(lower-case(normalize-space($text)),
        '[^\p{L}\p{N}]+', '-'))"/>
  </xsl:function>

  <xsl:function name="f:regex-escape" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="replace($text, '([\\.\[\]\(\)\{\}\*\+\?\^\$\|\-])', '\\$1')"/>
  </xsl:function>

  <!-- One select per facet, with every value and how many documents have it; the first
       option clears the facet. Hidden until facets.js runs. -->
  <xsl:template name="facet-form">
    <xsl:param name="facets" as="map(*)*"/>
    <form class="facets" id="facets" hidden="" aria-labelledby="facets-title">
      <h2 id="facets-title" class="facets-title">Filter the documents</h2>
      <div class="facet-fields">
        <xsl:for-each select="$facet-names">
          <xsl:variable name="facet" select="."/>
          <xsl:variable name="values" select="$facets ! (for $v in distinct-values(.($facet) ! ?key)
              return (.($facet)[?key = $v])[1])"/>
          <div class="facet">
            <label for="facet-{$facet}"><xsl:value-of select="$facet-labels($facet)"/></label>
            <select id="facet-{$facet}" name="{$facet}" data-facet="{$facet}">
              <option value="">All (<xsl:value-of select="count($facets)"/>)</option>
              <xsl:for-each-group select="$values" group-by="?key">
                <xsl:sort select="current-group()[1]?sort"/>
                <xsl:sort select="current-grouping-key()"/>
                <option value="{current-grouping-key()}" data-label="{current-group()[1]?label}">
                  <xsl:value-of select="current-group()[1]?label"/>
                  <xsl:text> (</xsl:text>
                  <xsl:value-of select="count(current-group())"/>
                  <xsl:text>)</xsl:text>
                </option>
              </xsl:for-each-group>
            </select>
          </div>
        </xsl:for-each>
      </div>
      <p class="facet-actions">
        <button type="reset" id="facets-clear">Show all documents</button>
        <span id="facets-status" class="facets-status" role="status" aria-live="polite"></span>
      </p>
    </form>
  </xsl:template>

</xsl:stylesheet>
