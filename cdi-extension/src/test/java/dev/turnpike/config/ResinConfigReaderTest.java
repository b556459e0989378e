package dev.turnpike.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.turnpike.rules.Decision;
import dev.turnpike.rules.Exchange;
import dev.turnpike.rules.RuleSet;
import dev.turnpike.rules.TestRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResinConfigReaderTest {

    private static final String OPEN = "<web-app xmlns=\"http://caucho.com/ns/resin\"\n"
            + "         xmlns:resin=\"urn:java:com.caucho.resin\">\n";
    private static final String CLOSE = "</web-app>\n";

    private final ResinConfigReader reader = new ResinConfigReader();

    private RuleSet read(String body) throws ConfigException {
        return reader.read("rules.xml", (OPEN + body + CLOSE).getBytes(StandardCharsets.UTF_8));
    }

    /** What a web-app says it takes, at the end of messages about its children. */
    static final String WEB_APP_KNOWN = "known here: containers <cluster>, <host-default>, <host>, <resin>, <server>, <web-app-default>, <web-app>; rules <resin:Dispatch>, <resin:FastCgiProxy>, <resin:Forbidden>, <resin:Forward>, <resin:HttpProxy>, <resin:LoadBalance>, <resin:Location>, <resin:MovedPermanently>, <resin:NotFound>, <resin:Redirect>, <resin:RedirectSecure>, <resin:Rewrite>, <resin:SendError>; filters <resin:AddHeader>, <resin:SetHeader>, <resin:SetRequestCharacterEncoding>, <resin:SetRequestSecure>, <resin:SetVary>; rewrite-dispatch blocks <rewrite-dispatch>; servlet mappings <servlet-mapping>";

    private List<String> problems(String document) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> reader.read("rules.xml", document.getBytes(StandardCharsets.UTF_8)));
        return e.problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void readsTheSupportedTagsInOrderWithTheirOrigins() throws ConfigException {
        RuleSet rules = read("""
                  <resin:Forbidden regexp="^/private/"/>
                  <resin:Redirect regexp="^/old/(.*)$" target="/new/$1"/>
                  <resin:MovedPermanently regexp="^/gone" target="/here"/>
                  <resin:Forbidden regexp="^/">
                    <resin:IfHeader name="User-Agent" value="(?i)badbot"/>
                  </resin:Forbidden>
                """);
        assertEquals(List.of(
                "<resin:Forbidden regexp=\"^/private/\"/>",
                "<resin:Redirect regexp=\"^/old/(.*)$\" target=\"/new/$1\"/>",
                "<resin:MovedPermanently regexp=\"^/gone\" target=\"/here\"/>",
                "<resin:Forbidden regexp=\"^/\"><resin:IfHeader name=\"User-Agent\" regexp=\"(?i)badbot\"/></resin:Forbidden>"),
                rules.rules().stream().map(Object::toString).toList());
        assertEquals(List.of("rules.xml:3:3", "rules.xml:4:3", "rules.xml:5:3", "rules.xml:6:3"),
                rules.rules().stream().map(r -> r.origin()).toList());
        assertEquals("rules.xml", rules.source());
    }

    @Test
    void readRulesBehave() throws ConfigException {
        RuleSet rules = read("""
                  <resin:Redirect regexp="^/old/(.*)$" target="/new/$1"/>
                  <resin:Forbidden regexp="^/">
                    <resin:IfHeader name="User-Agent" regexp="(?i)badbot"/>
                  </resin:Forbidden>
                """);
        Decision redirect = rules.evaluate(new Exchange(TestRequest.get("/old/a?b=c")));
        assertEquals("http://example.com/new/a?b=c", ((Decision.Redirect) redirect).location());
        Decision bot = rules.evaluate(new Exchange(TestRequest.get("/x").withHeader("User-Agent", "BadBot/2")));
        assertEquals(403, ((Decision.SendError) bot).status());
        assertEquals(Decision.PASS, rules.evaluate(new Exchange(TestRequest.get("/x").withHeader("User-Agent", "curl"))));
    }

    @Test
    void anEmptyWebAppHasNoRules() throws ConfigException {
        assertEquals(0, read("  <!-- nothing yet -->\n").size());
        assertEquals(0, reader.read("r.xml", "<web-app/>".getBytes(StandardCharsets.UTF_8)).size());
    }

    @Test
    void schemaInstanceAttributesAreAccepted() throws ConfigException {
        String document = "<web-app xmlns=\"http://caucho.com/ns/resin\" xmlns:xsi="
                + "\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://caucho.com/ns/resin x.xsd\"/>";
        assertEquals(0, reader.read("r.xml", document.getBytes(StandardCharsets.UTF_8)).size());
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("misspelt rule tag, with the tag meant and the names known there", """
                          <resin:Forbiden regexp="x"/>
                        """, List.of("rules.xml:3:3: TPC0102 unknown element <resin:Forbiden> in <web-app>; did you mean"
                        + " <resin:Forbidden>?; " + WEB_APP_KNOWN)),
                Arguments.of("misspelt attribute, pointing at the attribute", """
                          <resin:Redirect regexp="^/a" tagret="/b"/>
                        """, List.of("rules.xml:3:32: TPC0103 unknown attribute 'tagret' on <resin:Redirect>; known"
                                + " attributes: absolute-target, regexp, target, target-host",
                        "rules.xml:3:3: TPC0104 <resin:Redirect> needs attribute 'target': where the request goes;"
                                + " $1... insert the regexp's groups")),
                Arguments.of("missing required attribute of a condition", """
                          <resin:Forbidden>
                            <resin:IfHeader regexp="x"/>
                          </resin:Forbidden>
                        """, List.of("rules.xml:4:5: TPC0104 <resin:IfHeader> needs attribute 'name': the header to test")),
                Arguments.of("invalid regexp, with the parser's reason and the index", """
                          <resin:Forbidden regexp="^/(a"/>
                        """, List.of("rules.xml:3:20: TPC0105 invalid regexp in 'regexp' of <resin:Forbidden>: Unclosed"
                        + " group near index 4 of \"^/(a\"")),
                Arguments.of("target naming a group the regexp lacks", """
                          <resin:MovedPermanently regexp="^/(a)" target="/$2"/>
                        """, List.of("rules.xml:3:42: TPC0106 invalid target \"/$2\" in 'target' of <resin:MovedPermanently>: '$2'"
                        + " at index 1 refers to group 2 but the regexp has 1 group")),
                Arguments.of("empty required attribute", """
                          <resin:Redirect regexp="^/a" target=""/>
                        """, List.of("rules.xml:3:32: TPC0109 attribute 'target' of <resin:Redirect> is empty; it gives"
                        + " where the request goes; $1... insert the regexp's groups")),
                Arguments.of("text where only elements belong", """
                          <resin:Forbidden regexp="^/a"/>
                          stray words
                        """, List.of("rules.xml:4:3: TPC0107 unexpected text \"stray words\" in <web-app>; it takes"
                        + " only child elements")),
                Arguments.of("a condition standing where a rule belongs", """
                          <resin:IfHeader name="X"/>
                        """, List.of("rules.xml:3:3: TPC0110 <resin:IfHeader> is a condition and cannot stand in"
                        + " <web-app>; " + WEB_APP_KNOWN)),
                Arguments.of("a rule inside a rule", """
                          <resin:Forbidden>
                            <resin:Forbidden/>
                          </resin:Forbidden>
                        """, List.of("rules.xml:4:5: TPC0110 <resin:Forbidden> is a rule and cannot stand in"
                        + " <resin:Forbidden>; known here: filters <resin:AddHeader>, <resin:SetHeader>,"
                        + " <resin:SetRequestCharacterEncoding>, <resin:SetRequestSecure>, <resin:SetVary>; conditions"
                        + " <resin:And>, <resin:IfAuthType>, <resin:IfCookie>, <resin:IfCron>, <resin:IfFileExists>,"
                        + " <resin:IfHeader>, <resin:IfLocalPort>, <resin:IfLocale>, <resin:IfMethod>, <resin:IfNetwork>,"
                        + " <resin:IfPathInfo>, <resin:IfQueryParam>, <resin:IfRemoteAddr>, <resin:IfRemoteUser>,"
                        + " <resin:IfSecure>, <resin:IfServerName>, <resin:IfServerPort>, <resin:IfUserInRole>,"
                        + " <resin:Not>, <resin:NotAnd>, <resin:NotOr>, <resin:Or>")),
                Arguments.of("a child of a condition", """
                          <resin:Forbidden>
                            <resin:IfHeader name="X"><resin:IfHeader name="Y"/></resin:IfHeader>
                          </resin:Forbidden>
                        """, List.of("rules.xml:4:30: TPC0110 <resin:IfHeader> is a condition and cannot stand in"
                        + " <resin:IfHeader>; <resin:IfHeader> takes no child elements")),
                Arguments.of("a Resin tag in the wrong namespace", """
                          <Forbidden regexp="^/a"/>
                        """, List.of("rules.xml:3:3: TPC0102 unknown element <Forbidden> in <web-app> (namespace"
                        + " http://caucho.com/ns/resin); did you mean <resin:Forbidden> with"
                        + " xmlns:resin=\"urn:java:com.caucho.resin\"?; " + WEB_APP_KNOWN)),
                Arguments.of("two names for one setting", """
                          <resin:Forbidden>
                            <resin:IfHeader name="X" regexp="a" value="b"/>
                          </resin:Forbidden>
                        """, List.of("rules.xml:4:41: TPC0108 'value' and 'regexp' on <resin:IfHeader> are two names for"
                        + " the same setting; give only one")),
                Arguments.of("every problem of the file at once, in document order", """
                          <resin:Forbidden regexp="("/>
                          <resin:Redirct/>
                          <resin:Redirect regexp="^/x" target="/y" code="301"/>
                        """, List.of(
                        "rules.xml:3:20: TPC0105 invalid regexp in 'regexp' of <resin:Forbidden>: Unclosed group near"
                                + " index 1 of \"(\"",
                        "rules.xml:4:3: TPC0102 unknown element <resin:Redirct> in <web-app>; did you mean"
                                + " <resin:Redirect>?; " + WEB_APP_KNOWN,
                        "rules.xml:5:44: TPC0103 unknown attribute 'code' on <resin:Redirect>; known attributes:"
                                + " absolute-target, regexp, target, target-host")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void badInput(String what, String body, List<String> expected) {
        assertEquals(expected, problems(OPEN + body + CLOSE));
    }

    @Test
    void malformedXmlNamesTheParsersPlace() {
        assertEquals(List.of("rules.xml:4:5: TPC0001 not well-formed XML: The element type \"resin:Forbidden\" must be"
                        + " terminated by the matching end-tag \"</resin:Forbidden>\"."),
                problems(OPEN + "  <resin:Forbidden regexp=\"a\">\n  </web-app>\n"));
    }

    @Test
    void theRootMustBeAResinContainer() {
        assertEquals(List.of("rules.xml:1:1: TPC0101 the root element must be one of <resin>, <cluster>, <server>,"
                        + " <host>, <host-default>, <web-app>, <web-app-default>, <rewrite-dispatch> in namespace"
                        + " http://caucho.com/ns/resin (or no namespace), the <web-app> of a web.xml, or the"
                        + " <configuration> of an IIS web.config, not <beans> in namespace"
                        + " https://jakarta.ee/xml/ns/jakartaee"),
                problems("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\"/>"));
    }

    @Test
    void externalEntitiesAreNeverRead() {
        String document = "<?xml version=\"1.0\"?>\n<!DOCTYPE web-app [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<web-app>&x;</web-app>";
        List<String> problems = problems(document);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(true, problems.get(0).startsWith("rules.xml:3:"), problems.get(0));
        assertEquals(true, problems.get(0).contains("TPC0001 not well-formed XML"), problems.get(0));
    }

    @Test
    void positionsCountFromTheRealTagStartAcrossLines() {
        String document = "<web-app xmlns:resin=\"urn:java:com.caucho.resin\">\n"
                + "  <resin:Redirect\n"
                + "      regexp=\"^/a\"\n"
                + "      target=\"/$9\"/>\n"
                + "</web-app>";
        assertEquals(List.of("rules.xml:4:7: TPC0106 invalid target \"/$9\" in 'target' of <resin:Redirect>: '$9' at index 1 refers"
                + " to group 9 but the regexp has 0 groups"), problems(document));
    }
}
