<?xml version="1.0" encoding="UTF-8"?>
<!-- A document's site record: what the site's own pages (index, registers, search, about)
     and a reading page's neighbours read of it, and no more, so that the listing of a
     large edition stays small. It is a TEI document cut down to the header parts those
     pages read (title, licence, editorial declaration, creation date, abstract,
     correspondence, the lists of persons, places and organisations) and, in its text, one
     empty element for the names of a kind with the same pointer, @e:mentions saying how
     many when more than one (a register counts them, f:mentions), with the
     quoted context of the first mention of each entry beside it (e:context). The pages
     read a record with the same functions as a whole document. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:e="urn:tei-edition:site"
    xmlns:f="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <xsl:include href="common/functions.xsl"/>
  <xsl:include href="html/context.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no" omit-xml-declaration="yes"/>

  <xsl:param name="stem" as="xs:string" select="''"/>
  <xsl:param name="href" as="xs:string" select="''"/>

  <xsl:template match="/">
    <xsl:apply-templates select="tei:TEI"/>
  </xsl:template>

  <xsl:template match="tei:TEI">
    <xsl:variable name="header" select="tei:teiHeader"/>
    <xsl:variable name="mentions" select="tei:text//(tei:persName | tei:placeName | tei:orgName)[@ref]"/>
    <e:document stem="{$stem}" href="{$href}">
      <TEI xmlns="http://www.tei-c.org/ns/1.0">
        <teiHeader>
          <fileDesc>
            <titleStmt><xsl:copy-of select="$header/tei:fileDesc/tei:titleStmt/tei:title[1]"/></titleStmt>
            <publicationStmt>
              <xsl:copy-of select="$header/tei:fileDesc/tei:publicationStmt/tei:availability"/>
            </publicationStmt>
          </fileDesc>
          <encodingDesc><xsl:copy-of select="$header/tei:encodingDesc/tei:editorialDecl[1]"/></encodingDesc>
          <profileDesc>
            <xsl:copy-of select="$header/tei:profileDesc/(tei:creation/tei:date[1]/.., tei:abstract,
                tei:correspDesc)"/>
          </profileDesc>
          <!-- The outermost lists, in the order of the header. -->
          <xsl:copy-of select="$header//(tei:listPerson | tei:listPlace | tei:listOrg)
              [not(ancestor::tei:listPerson | ancestor::tei:listPlace | ancestor::tei:listOrg)]"/>
        </teiHeader>
        <text>
          <xsl:if test="tei:text/tei:front/tei:docTitle/tei:titlePart">
            <front><docTitle><xsl:copy-of select="tei:text/tei:front/tei:docTitle/tei:titlePart[1]"/></docTitle></front>
          </xsl:if>
          <!-- One element for the names of a kind pointing the same way, in the order of
               their first mention, with how many there are when more than one: a register
               page needs the number, and a long edition's listing would otherwise hold an
               element per mention (ten thousand documents, some two hundred thousand). -->
          <xsl:for-each-group select="$mentions" group-by="local-name() || ' ' || @ref">
            <xsl:element name="{local-name()}" namespace="http://www.tei-c.org/ns/1.0">
              <xsl:attribute name="ref" select="@ref"/>
              <xsl:if test="count(current-group()) gt 1">
                <xsl:attribute name="e:mentions" select="count(current-group())"/>
              </xsl:if>
            </xsl:element>
          </xsl:for-each-group>
        </text>
      </TEI>
      <xsl:for-each-group select="$mentions" group-by="local-name()">
        <xsl:variable name="named" select="current-group()"/>
        <xsl:for-each select="distinct-values($named ! tokenize(@ref))">
          <e:context name="{current-grouping-key()}" ref="{.}">
            <xsl:call-template name="context">
              <xsl:with-param name="mention" select="$named[tokenize(@ref) = current()][1]"/>
            </xsl:call-template>
          </e:context>
        </xsl:for-each>
      </xsl:for-each-group>
    </e:document>
  </xsl:template>

</xsl:stylesheet>
