package org.jumpdesk.jumpclients.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jumpdesk.jumpclients.boundary.JumpClientQuery;
import org.jumpdesk.jumpclients.boundary.JumpClientSort;
import org.jumpdesk.jumpclients.boundary.SearchField;
import org.junit.jupiter.api.Test;

class ClientSearchSqlTest {

    @Test
    void typedFiltersAreSeparatedFromWords() {
        SearchTerms terms =
                SearchTerms.parse("web tag:servers status:online ip:10.0.* \"two words\" name:\"db 01\" x:y");

        assertThat(terms.words()).containsExactly("web", "two words", "x:y");
        assertThat(terms.filters())
                .containsExactly(
                        new SearchTerms.Filter("tag", "servers"),
                        new SearchTerms.Filter("status", "online"),
                        new SearchTerms.Filter("ip", "10.0.*"),
                        new SearchTerms.Filter("name", "db 01"));
    }

    @Test
    void blankOrNullTextHasNoTerms() {
        assertThat(SearchTerms.parse(null)).isEqualTo(new SearchTerms(List.of(), List.of()));
        assertThat(SearchTerms.parse("   ").words()).isEmpty();
    }

    @Test
    void eachWordMustMatchOneChosenFieldAndEveryValueIsAParameter() {
        ClientSearchSql.Where where = ClientSearchSql.where(
                query("web 500%", EnumSet.of(SearchField.NAME, SearchField.TAG)), Map.of(7L, "Servers"));

        assertThat(where.sql())
                .isEqualTo("c.deleted_at IS NULL AND c.jump_group_id = ANY(?)"
                        + " AND (c.name ILIKE ? OR c.tag ILIKE ?) AND (c.name ILIKE ? OR c.tag ILIKE ?)");
        assertThat(where.parameters()).containsExactly(new Long[] {7L}, "%web%", "%web%", "%500\\%%", "%500\\%%");
    }

    @Test
    void typedFiltersMatchWholeValuesWithWildcards() {
        ClientSearchSql.Where where =
                ClientSearchSql.where(query("tag:servers status:online ip:10.0.*", Set.of()), Map.of(1L, "Servers"));

        assertThat(where.sql())
                .endsWith(" AND lower(c.tag) = lower(?) AND (c.state = 'ACTIVE' AND c.online)"
                        + " AND c.address_globs @> ARRAY[lower(?)]");
        assertThat(where.parameters()).containsExactly(new Long[] {1L}, "servers", "10.0.*");
    }

    @Test
    void anExactAddressIsLookedForAmongTheListedOnes() {
        ClientSearchSql.Where where = ClientSearchSql.where(query("ip:10.0.0.7", Set.of()), Map.of(1L, "Servers"));

        assertThat(where.sql()).endsWith(" AND c.address_globs @> ARRAY[lower(?)]");
        assertThat(where.parameters()).containsExactly(new Long[] {1L}, "10.0.0.7");
    }

    @Test
    void anAddressGlobThatIsNoPrefixUpToADotIsMatchedInTheListsText() {
        for (String glob : List.of("10.0*", "*.7", "10.*.7", "10.0.0.7,10.0.0.8")) {
            assertThat(ClientSearchSql.where(query("ip:" + glob, Set.of()), Map.of(1L, "Servers"))
                            .sql())
                    .as(glob)
                    .contains("c.private_ips ILIKE ?")
                    .doesNotContain("address_globs");
        }
        assertThat(ClientSearchSql.where(query("ip:10.0*", Set.of()), Map.of(1L, "Servers"))
                        .parameters())
                .containsExactly(new Long[] {1L}, "10.0%", "10.0%", "%,10.0%");
    }

    @Test
    void aWordInEveryTextFieldIsOneLikeOnTheirCombinedText() {
        ClientSearchSql.Where where = ClientSearchSql.where(
                query("Rack_1", EnumSet.allOf(SearchField.class)), Map.of(1L, "Servers", 2L, "rack_1 room"));

        assertThat(where.sql())
                .endsWith(" AND (c.search_text LIKE lower(?) OR c.jump_group_id = ANY(?))")
                .doesNotContain("ILIKE");
        assertThat(where.parameters().get(1)).isEqualTo("%Rack\\_1%");
    }

    @Test
    void aWordWithALineFeedOrSomeFieldsOnlyIsSearchedFieldByField() {
        ClientSearchSql.Where lineFeed =
                ClientSearchSql.where(query("\"abc\ndef\"", EnumSet.allOf(SearchField.class)), Map.of(1L, "Servers"));
        ClientSearchSql.Where fewer = ClientSearchSql.where(
                query("web", EnumSet.complementOf(EnumSet.of(SearchField.TAG))), Map.of(1L, "Servers"));

        assertThat(lineFeed.sql()).doesNotContain("search_text").contains("c.comments ILIKE ?", "c.tag ILIKE ?");
        assertThat(fewer.sql()).doesNotContain("search_text").contains("c.name ILIKE ?");
    }

    @Test
    void aWordWithoutThreeLettersOrDigitsInARowIsKeptOutOfTheTrigramIndexes() {
        ClientSearchSql.Where every =
                ClientSearchSql.where(query("rack 42 10.1", EnumSet.allOf(SearchField.class)), Map.of(1L, "Servers"));
        ClientSearchSql.Where name =
                ClientSearchSql.where(query("_7", EnumSet.of(SearchField.NAME)), Map.of(1L, "Servers"));

        assertThat(every.sql())
                .endsWith(" AND (c.search_text LIKE lower(?)) AND (strpos(c.search_text, lower(?)) > 0)"
                        + " AND (strpos(c.search_text, lower(?)) > 0)");
        assertThat(every.parameters()).containsExactly(new Long[] {1L}, "%rack%", "42", "10.1");
        assertThat(name.sql()).endsWith(" AND (strpos(lower(c.name), lower(?)) > 0)");
        assertThat(name.parameters()).containsExactly(new Long[] {1L}, "_7");
    }

    @Test
    void aShortPageTellsHowManyMatchWithoutACount() {
        assertThat(ClientSearchSql.matchesToldByPage(0, 50, 0)).hasValue(0);
        assertThat(ClientSearchSql.matchesToldByPage(0, 50, 50)).hasValue(50);
        assertThat(ClientSearchSql.matchesToldByPage(100, 50, 7)).hasValue(107);
        assertThat(ClientSearchSql.matchesToldByPage(0, 50, 51)).isEmpty();
        assertThat(ClientSearchSql.matchesToldByPage(100, 50, 0))
                .as("past the end: the count says where the end is")
                .isEmpty();
    }

    @Test
    void aTagWithAWildcardIsAPatternAndWithoutOneAnEqualityIgnoringCase() {
        assertThat(ClientSearchSql.where(query("tag:serv*", Set.of()), Map.of(1L, "Servers"))
                        .sql())
                .endsWith(" AND c.tag ILIKE ?");
        assertThat(ClientSearchSql.where(query("tag:Servers", Set.of()), Map.of(1L, "Servers"))
                        .sql())
                .endsWith(" AND lower(c.tag) = lower(?)");
    }

    @Test
    void groupsAreMatchedByNameAmongTheVisibleOnesAndSearchedById() {
        Map<Long, String> visible = Map.of(1L, "Servers", 2L, "user:ana", 3L, "Desktops");

        ClientSearchSql.Where word = ClientSearchSql.where(query("SERV", EnumSet.of(SearchField.GROUP)), visible);
        ClientSearchSql.Where typed = ClientSearchSql.where(query("group:*top*", Set.of()), visible);

        assertThat(word.sql()).endsWith(" AND (c.jump_group_id = ANY(?))");
        assertThat(word.parameters().get(1)).isEqualTo(new Long[] {1L});
        assertThat(typed.parameters().get(1)).isEqualTo(new Long[] {3L});
        assertThat(ClientSearchSql.where(query("group:Serv", Set.of()), visible).sql())
                .endsWith(" AND FALSE");
    }

    @Test
    void anUnknownStatusMatchesNothing() {
        assertThat(ClientSearchSql.where(query("status:sleepy", Set.of()), Map.of(1L, "Servers"))
                        .sql())
                .endsWith(" AND FALSE");
        assertThat(ClientSearchSql.where(query("zzz", EnumSet.of(SearchField.STATUS)), Map.of(1L, "Servers"))
                        .sql())
                .endsWith(" AND (FALSE)");
    }

    @Test
    void aStatusWordMatchesTheStatusesItStarts() {
        assertThat(ClientSearchSql.where(query("off", EnumSet.of(SearchField.STATUS)), Map.of(1L, "Servers"))
                        .sql())
                .endsWith(" AND ((c.state = 'ACTIVE' AND NOT c.online))");
    }

    @Test
    void wordsThatCannotMatchAFieldLeaveItOut() {
        Set<SearchField> fields = EnumSet.of(SearchField.JUMP_METHOD, SearchField.LAST_ACCESSED);

        assertThat(ClientSearchSql.where(query("web", fields), Map.of(1L, "Servers"))
                        .sql())
                .endsWith(" AND (FALSE)");
        assertThat(ClientSearchSql.where(query("pass", fields), Map.of(1L, "Servers"))
                        .sql())
                .endsWith(" AND (c.mode = 'PASSIVE')");
    }

    @Test
    void lastAccessedIsADayMonthOrYearRangeInUtc() {
        ClientSearchSql.Where day =
                ClientSearchSql.where(query("accessed:2024-03-05", Set.of()), Map.of(1L, "Servers"));
        ClientSearchSql.Where month =
                ClientSearchSql.where(query("2024-12", EnumSet.of(SearchField.LAST_ACCESSED)), Map.of(1L, "Servers"));

        assertThat(day.sql()).endsWith(" AND (c.last_jumped_at >= ? AND c.last_jumped_at < ?)");
        assertThat(day.parameters().subList(1, 3))
                .containsExactly(
                        java.sql.Timestamp.from(Instant.parse("2024-03-05T00:00:00Z")),
                        java.sql.Timestamp.from(Instant.parse("2024-03-06T00:00:00Z")));
        assertThat(month.parameters().subList(1, 3))
                .containsExactly(
                        java.sql.Timestamp.from(Instant.parse("2024-12-01T00:00:00Z")),
                        java.sql.Timestamp.from(Instant.parse("2025-01-01T00:00:00Z")));
        assertThat(ClientSearchSql.where(query("accessed:yesterday", Set.of()), Map.of(1L, "Servers"))
                        .sql())
                .endsWith(" AND FALSE");
    }

    @Test
    void sortingBreaksTiesByIdInTheSameDirection() {
        assertThat(ClientSearchSql.orderBy(JumpClientSort.NAME, true)).isEqualTo("lower(c.name) ASC, c.id ASC");
        assertThat(ClientSearchSql.orderBy(JumpClientSort.LAST_ACCESSED, false))
                .isEqualTo("c.last_jumped_at DESC NULLS LAST, c.id DESC");
    }

    private static JumpClientQuery query(String text, Set<SearchField> fields) {
        return new JumpClientQuery(text, fields, null, null);
    }
}
