<?xml version="1.0" encoding="UTF-8"?>
<!-- Simple Dublin Core (OAI-PMH oai_dc) for one TEI document. docs/crosswalk.md lists every
     field and the part of the TEI it comes from; the record validates against
     schemas/oai_dc/oai_dc.xsd. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:tei-edition:functions"
    xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    exclude-result-prefixes="#all">

  <xsl:include href="common/functions.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:template match="/tei:TEI">
    <xsl:variable name="header" select="tei:teiHeader"/>
    <xsl:variable name="file" select="$header/tei:fileDesc"/>
    <xsl:variable name="profile" select="$header/tei:profileDesc"/>
    <oai_dc:dc xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">
      <xsl:namespace name="dc" select="'http://purl.org/dc/elements/1.1/'"/>
      <dc:title><xsl:value-of select="f:title(.)"/></dc:title>
      <xsl:for-each select="$profile/tei:correspDesc/tei:correspAction[@type = 'sent']
          /(tei:persName | tei:orgName)">
        <dc:creator><xsl:value-of select="f:display-name(.)"/></dc:creator>
      </xsl:for-each>
      <xsl:for-each select="$file/tei:titleStmt/tei:respStmt[@xml:id = ('translator', 'ed')]">
        <dc:contributor><xsl:value-of select="normalize-space((tei:name, tei:orgName, tei:persName)[1])"/></dc:contributor>
      </xsl:for-each>
      <xsl:for-each select="distinct-values(($profile/tei:particDesc/tei:listPerson/tei:person,
          $profile/tei:settingDesc/tei:listPlace/tei:place) ! f:register-name(.))">
        <dc:subject><xsl:value-of select="."/></dc:subject>
      </xsl:for-each>
      <xsl:for-each select="$profile/tei:abstract[normalize-space()]">
        <dc:description><xsl:value-of select="normalize-space(string-join(tei:p, ' '))"/></dc:description>
      </xsl:for-each>
      <xsl:for-each select="$file/tei:publicationStmt/tei:publisher">
        <dc:publisher><xsl:value-of select="normalize-space(.)"/></dc:publisher>
      </xsl:for-each>
      <xsl:for-each select="f:document-date(.)">
        <dc:date><xsl:value-of select="."/></dc:date>
      </xsl:for-each>
      <dc:type>Text</dc:type>
      <dc:format>application/tei+xml</dc:format>
      <dc:identifier><xsl:value-of select="@xml:id"/></dc:identifier>
      <xsl:for-each select="$file/tei:sourceDesc/tei:bibl[@type = 'citation']">
        <dc:source><xsl:value-of select="normalize-space(.)"/></dc:source>
      </xsl:for-each>
      <xsl:for-each select="(@xml:lang, $profile/tei:langUsage/tei:language[@n = 'translation']/@ident)[1]">
        <dc:language><xsl:value-of select="."/></dc:language>
      </xsl:for-each>
      <xsl:for-each select="f:archive-url(.)">
        <dc:relation><xsl:value-of select="."/></dc:relation>
      </xsl:for-each>
      <xsl:for-each select="$file/tei:publicationStmt/tei:availability/tei:licence">
        <dc:rights><xsl:value-of select="normalize-space(.)"/></dc:rights>
        <xsl:for-each select="@target"><dc:rights><xsl:value-of select="."/></dc:rights></xsl:for-each>
      </xsl:for-each>
    </oai_dc:dc>
  </xsl:template>
</xsl:stylesheet>
