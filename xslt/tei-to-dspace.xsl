<?xml version="1.0" encoding="UTF-8"?>
<!-- DSpace Simple Archive Format: the dublin_core.xml of one item (one TEI document).
     Only fields of DSpace's default Dublin Core registry (dc.element.qualifier) are
     written; docs/crosswalk.md lists them and their TEI sources. Values are written as
     the TEI has them, whitespace folded: DSpace's importer takes the text of each dcvalue,
     trimmed, and nothing else. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <xsl:include href="common/functions.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:template name="value">
    <xsl:param name="element" as="xs:string"/>
    <xsl:param name="qualifier" as="xs:string" select="'none'"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:param name="language" as="xs:string?" select="()"/>
    <xsl:if test="normalize-space($value)">
      <dcvalue element="{$element}" qualifier="{$qualifier}">
        <xsl:if test="$language"><xsl:attribute name="language" select="$language"/></xsl:if>
        <xsl:value-of select="normalize-space($value)"/>
      </dcvalue>
    </xsl:if>
  </xsl:template>

  <xsl:template match="/tei:TEI">
    <xsl:variable name="file" select="tei:teiHeader/tei:fileDesc"/>
    <xsl:variable name="profile" select="tei:teiHeader/tei:profileDesc"/>
    <xsl:variable name="lang" select="string(@xml:lang)"/>
    <dublin_core schema="dc">
      <xsl:call-template name="value">
        <xsl:with-param name="element" select="'title'"/>
        <xsl:with-param name="value" select="f:title(.)"/>
        <xsl:with-param name="language" select="$lang"/>
      </xsl:call-template>
      <xsl:for-each select="$profile/tei:correspDesc/tei:correspAction[@type = 'sent']/(tei:persName | tei:orgName)">
        <xsl:call-template name="value">
          <xsl:with-param name="element" select="'contributor'"/>
          <xsl:with-param name="qualifier" select="'author'"/>
          <xsl:with-param name="value" select="f:display-name(.)"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="$file/tei:titleStmt/tei:respStmt[@xml:id = 'ed']/tei:orgName">
        <xsl:call-template name="value">
          <xsl:with-param name="element" select="'contributor'"/>
          <xsl:with-param name="qualifier" select="'editor'"/>
          <xsl:with-param name="value" select="string(.)"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="$file/tei:titleStmt/tei:respStmt[@xml:id = 'translator']/tei:name">
        <xsl:call-template name="value">
          <xsl:with-param name="element" select="'contributor'"/>
          <xsl:with-param name="qualifier" select="'other'"/>
          <xsl:with-param name="value" select="string(.) || ' (translator)'"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:call-template name="value">
        <xsl:with-param name="element" select="'date'"/>
        <xsl:with-param name="qualifier" select="'issued'"/>
        <xsl:with-param name="value" select="f:document-date(.)"/>
      </xsl:call-template>
      <xsl:call-template name="value">
        <xsl:with-param name="element" select="'description'"/>
        <xsl:with-param name="qualifier" select="'abstract'"/>
        <xsl:with-param name="value" select="string-join($profile/tei:abstract/tei:p, ' ')"/>
        <xsl:with-param name="language" select="$lang"/>
      </xsl:call-template>
      <xsl:call-template name="value">
        <xsl:with-param name="element" select="'publisher'"/>
        <xsl:with-param name="value" select="string(($file/tei:publicationStmt/tei:publisher)[1])"/>
      </xsl:call-template>
      <xsl:for-each select="distinct-values(($profile/tei:particDesc/tei:listPerson/tei:person,
          $profile/tei:settingDesc/tei:listPlace/tei:place) ! f:register-name(.))">
        <xsl:call-template name="value">
          <xsl:with-param name="element" select="'subject'"/>
          <xsl:with-param name="value" select="."/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:call-template name="value">
        <xsl:with-param name="element" select="'identifier'"/>
        <xsl:with-param name="qualifier" select="'other'"/>
        <xsl:with-param name="value" select="string(@xml:id)"/>
      </xsl:call-template>
      <xsl:call-template name="value">
        <xsl:with-param name="element" select="'identifier'"/>
        <xsl:with-param name="qualifier" select="'citation'"/>
        <xsl:with-param name="value" select="string(($file/tei:sourceDesc/tei:bibl[@type = 'citation'])[1])"/>
      </xsl:call-template>
      <xsl:call-template name="value">
        <xsl:with-param name="element" select="'source'"/>
        <xsl:with-param name="qualifier" select="'uri'"/>
        <xsl:with-param name="value" select="f:archive-url(.)"/>
      </xsl:call-template>
      <xsl:call-template name="value">
        <xsl:with-param name="element" select="'language'"/>
        <xsl:with-param name="qualifier" select="'iso'"/>
        <xsl:with-param name="value" select="$lang"/>
      </xsl:call-template>
      <xsl:for-each select="$file/tei:publicationStmt/tei:availability/tei:licence">
        <xsl:call-template name="value">
          <xsl:with-param name="element" select="'rights'"/>
          <xsl:with-param name="value" select="string(.)"/>
        </xsl:call-template>
        <xsl:call-template name="value">
          <xsl:with-param name="element" select="'rights'"/>
          <xsl:with-param name="qualifier" select="'uri'"/>
          <xsl:with-param name="value" select="string(@target)"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:call-template name="value">
        <xsl:with-param name="element" select="'type'"/>
        <xsl:with-param name="value" select="'Text'"/>
      </xsl:call-template>
      <xsl:call-template name="value">
        <xsl:with-param name="element" select="'format'"/>
        <xsl:with-param name="qualifier" select="'mimetype'"/>
        <xsl:with-param name="value" select="'application/tei+xml'"/>
      </xsl:call-template>
    </dublin_core>
  </xsl:template>
</xsl:stylesheet>
