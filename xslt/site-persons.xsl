<?xml version="1.0" encoding="UTF-8"?>
<!-- The register of persons: everyone in the documents' listPerson, with names, role
     notes, authority links and the documents that mention them. Input: the edition
     listing. A person in several documents appears once, from the oldest document. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:e="urn:tei-edition:site"
    xmlns:f="urn:tei-edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:include href="common.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
      include-content-type="no"/>

  <xsl:template match="/">
    <xsl:variable name="documents" select="f:chronological(.)"/>
    <xsl:variable name="persons" as="element(tei:person)*">
      <xsl:for-each-group select="$documents/tei:TEI/tei:teiHeader//tei:listPerson/tei:person[@xml:id]"
          group-by="string(@xml:id)">
        <xsl:sequence select="current-group()[1]"/>
      </xsl:for-each-group>
    </xsl:variable>
    <html lang="en">
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="page-head">
        <xsl:with-param name="title" select="$site-title || ': persons'"/>
      </xsl:call-template>
      <xsl:text>&#10;</xsl:text>
      <body class="persons-page">
        <xsl:call-template name="site-header">
          <xsl:with-param name="current" select="'persons'"/>
        </xsl:call-template>
        <main id="main">
          <h1>Persons</h1>
          <p class="lede">Everyone the documents mention by name, with the documents that
            mention them.</p>
          <xsl:variable name="sorted" select="sort($persons, (),
              function($p) { (lower-case(f:sort-name($p)), string($p/@xml:id)) })"/>
          <nav class="name-index" aria-label="Names in the register">
            <ul>
              <xsl:for-each select="$sorted">
                <li><a href="#{@xml:id}"><xsl:value-of select="f:main-name(.)"/></a></li>
              </xsl:for-each>
            </ul>
          </nav>
          <ul class="register">
            <xsl:apply-templates select="$sorted">
              <xsl:with-param name="documents" select="$documents"/>
            </xsl:apply-templates>
          </ul>
        </main>
        <xsl:call-template name="site-footer">
          <xsl:with-param name="tei" select="$documents[1]/tei:TEI"/>
        </xsl:call-template>
      </body>
      <xsl:text>&#10;</xsl:text>
    </html>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:function name="f:main-name" as="xs:string">
    <xsl:param name="person" as="element(tei:person)"/>
    <xsl:sequence select="normalize-space(string(($person/tei:persName[@type = 'main'],
        $person/tei:persName, $person/@xml:id)[1]))"/>
  </xsl:function>

  <xsl:function name="f:sort-name" as="xs:string">
    <xsl:param name="person" as="element(tei:person)"/>
    <xsl:variable name="main" select="($person/tei:persName[@type = 'main'], $person/tei:persName)[1]"/>
    <xsl:sequence select="normalize-space(string-join(($main/tei:surname, $main/tei:forename,
        f:main-name($person)), ' '))"/>
  </xsl:function>

  <xsl:template match="tei:person">
    <xsl:param name="documents" as="element(e:document)*"/>
    <xsl:variable name="id" select="string(@xml:id)"/>
    <xsl:variable name="main" select="f:main-name(.)"/>
    <xsl:variable name="mentions" select="$documents[tei:TEI/tei:text//tei:persName[@ref = '#' || $id]]"/>
    <li class="person" id="{$id}">
      <h2><xsl:value-of select="$main"/></h2>
      <!-- Spellings from every document that lists the person, in order of first use. -->
      <xsl:variable name="variants" select="distinct-values(
          $documents/tei:TEI/tei:teiHeader//tei:person[@xml:id = $id]
          /tei:persName[not(@type = 'main')] ! normalize-space(.))[. ne $main]"/>
      <xsl:if test="exists($variants)">
        <p class="variants"><span class="field">Also written: </span>
          <xsl:value-of select="$variants" separator="; "/>
        </p>
      </xsl:if>
      <xsl:for-each select="tei:note">
        <p class="role"><xsl:value-of select="normalize-space(.)"/></p>
      </xsl:for-each>
      <xsl:for-each select="tei:idno[normalize-space()]">
        <p class="authority">
          <xsl:choose>
            <xsl:when test="@type = 'wikidata'">
              <a href="{f:web-href(f:wikidata-url(.))}">Wikidata <xsl:value-of select="normalize-space(.)"/></a>
            </xsl:when>
            <xsl:when test="exists(f:web-href(.))">
              <a href="{f:web-href(.)}"><xsl:value-of select="(@type, 'Authority record')[1]"/></a>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="(@type, 'Identifier')[1]"/>: <xsl:value-of select="normalize-space(.)"/>
            </xsl:otherwise>
          </xsl:choose>
        </p>
      </xsl:for-each>
      <xsl:if test="exists($mentions)">
        <h3 class="mentions-title">Mentioned in</h3>
        <ul class="mentions">
          <xsl:for-each select="$mentions">
            <li>
              <a href="{@href}"><xsl:value-of select="f:title(tei:TEI)"/></a>
              <xsl:variable name="date" select="f:creation-date(tei:TEI)"/>
              <xsl:if test="$date">
                <xsl:text> (</xsl:text>
                <xsl:call-template name="time">
                  <xsl:with-param name="date" select="$date"/>
                  <xsl:with-param name="content" select="normalize-space($date)"/>
                </xsl:call-template>
                <xsl:text>)</xsl:text>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </li>
  </xsl:template>

</xsl:stylesheet>
