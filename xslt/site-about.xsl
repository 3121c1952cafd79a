<?xml version="1.0" encoding="UTF-8"?>
<!-- The about page: the edition's own words (about in edition.toml), then how it was
     made: the encoding profile and schema, the registers, and the tool and its version.
     Input: the edition listing. -->
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

  <xsl:param name="about-text" as="xs:string" select="''"/>
  <xsl:param name="tool-version" as="xs:string" select="''"/>

  <xsl:template match="/">
    <xsl:variable name="documents" select="f:chronological(.)"/>
    <xsl:variable name="headers" select="$documents/tei:TEI/tei:teiHeader"/>
    <xsl:call-template name="page">
      <xsl:with-param name="lang" select="'en'"/>
      <xsl:with-param name="title" select="$site-title || ': about'"/>
      <xsl:with-param name="class" select="'about-page'"/>
      <xsl:with-param name="current" select="'about'"/>
      <xsl:with-param name="tei" select="$documents[1]/tei:TEI"/>
      <xsl:with-param name="documents" select="$documents" tunnel="yes"/>
      <xsl:with-param name="headers" select="$headers" tunnel="yes"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The main element of the page (see the page template in html/frame.xsl). -->
  <xsl:template match="/" mode="page-main">
    <xsl:param name="documents" as="element(e:document)*" tunnel="yes"/>
    <xsl:param name="headers" as="element(tei:teiHeader)*" tunnel="yes"/>
    <h1>About this edition</h1>
    <xsl:if test="normalize-space($about-text)">
      <xsl:for-each select="tokenize($about-text, '\n\s*\n')[normalize-space()]">
        <p class="about-text"><xsl:value-of select="normalize-space(.)"/></p>
      </xsl:for-each>
    </xsl:if>
    <h2>How it was made</h2>
    <p>Each of the <xsl:value-of select="count($documents)"/> documents was converted
      from the archive's plain text into TEI P5 XML, checked against the edition's
      schema (<code>tei-edition.xsd</code>, a subset of TEI P5 with the rules of the
      encoding profile), and turned into this site and a plain-text version by XSLT 3.0
      stylesheets. Each document page offers its TEI and its plain text for download.</p>
    <xsl:variable name="editorial" select="f:full(($headers/tei:encodingDesc/tei:editorialDecl)[1])"/>
    <xsl:if test="$editorial">
      <h2>Encoding profile</h2>
      <xsl:for-each select="$editorial//tei:p">
        <p><xsl:value-of select="normalize-space(.)"/></p>
      </xsl:for-each>
    </xsl:if>
    <h2>Registers</h2>
    <ul>
      <xsl:for-each select="(['persons', 'person'], ['places', 'place'],
          ['organisations', 'org'])">
        <xsl:variable name="page" select="?1"/>
        <xsl:variable name="element" select="?2"/>
        <xsl:variable name="count" select="count(distinct-values(
            $headers//(tei:listPerson/tei:person | tei:listPlace/tei:place | tei:listOrg/tei:org)
            [local-name() = $element]/@xml:id))"/>
        <li><a href="{$page}.html"><xsl:value-of select="$count"/>
          <xsl:text> </xsl:text><xsl:value-of select="$page"/></a>, each with its
          authority record where one is known and the documents that mention it.</li>
      </xsl:for-each>
    </ul>
    <h2>The tool</h2>
    <p>Made with tei-edition<xsl:if test="$tool-version">
      <xsl:text> </xsl:text><xsl:value-of select="$tool-version"/></xsl:if>: plain
      text to TEI, validation, and this reading edition. The site is static: it needs
      no server and loads nothing from elsewhere; search runs in the browser with
      MiniSearch (MIT licence, <a href="vendor/minisearch-LICENSE.txt">its
      licence</a>).</p>
  </xsl:template>

</xsl:stylesheet>
