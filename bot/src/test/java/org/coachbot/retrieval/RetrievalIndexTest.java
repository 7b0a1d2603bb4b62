package org.coachbot.retrieval;

import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.SectionSentences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetrievalIndexTest {
    @TempDir
    Path dataDir;

    private final CountingEmbeddingModel model = new CountingEmbeddingModel(new HashingEmbeddingModel());

    private RetrievalIndex index() {
        return HashingEmbeddingModel.index(model, EmbeddingCache.open(dataDir, RetrievalIndex.modelKey(model)));
    }

    /** What an index embeds: each section whole, each of its sentences and the questions it answers. */
    private static int texts(KnowledgeBase kb) {
        return kb.sections().stream().mapToInt(s -> 1 + SectionSentences.of(s).size() + s.asks().size()).sum()
                + kb.glossary().notCovered().size() + kb.glossary().notCoveredQuestions().size();
    }

    @Test
    void should_not_embed_any_section_again_when_rebuilding_unchanged_knowledge_after_a_restart() {
        // given
        KnowledgeBase kb = TestKnowledge.base();
        index().rebuild(kb, IndexProgress.NONE);
        int firstBuild = model.calls();

        // when: a new index, as after a restart, over the same data folder
        index().rebuild(kb, IndexProgress.NONE);

        // then
        assertEquals(texts(kb), firstBuild);
        assertEquals(firstBuild, model.calls());
    }

    @Test
    void should_embed_only_the_edited_section_on_reload() {
        // given
        RetrievalIndex index = index();
        index.rebuild(TestKnowledge.base(), IndexProgress.NONE);
        int before = model.calls();
        String edited = TestKnowledge.PHONE.replace("通话结束时", "通话结束以后");

        // when
        index.rebuild(TestKnowledge.base(TestKnowledge.SILENT, edited, TestKnowledge.COMPLAINT), IndexProgress.NONE);

        // then: the section's passage and the one sentence that changed
        assertEquals(2, model.calls() - before);
        assertTrue(model.embedded().subList(before, model.calls()).stream().allMatch(t -> t.contains("通话结束以后")));
    }

    @Test
    void should_rebuild_the_cache_when_its_file_is_corrupt() throws IOException {
        // given
        KnowledgeBase kb = TestKnowledge.base();
        index().rebuild(kb, IndexProgress.NONE);
        Path file = dataDir.resolve(EmbeddingCache.fileName(RetrievalIndex.modelKey(model)));
        Files.write(file, new byte[]{1, 2, 3, 4, 5});

        // when
        RetrievalIndex index = index();
        index.rebuild(kb, IndexProgress.NONE);
        int afterRepair = model.calls();
        index().rebuild(kb, IndexProgress.NONE);
        int afterRestart = model.calls();

        // then: re-embedded once, the repaired file serves the next start, and search works
        assertEquals(2 * texts(kb), afterRepair);
        assertEquals(afterRepair, afterRestart);
        assertEquals("phone-etiquette#响铃三声内接听", index.search("电话响几声要接", 1).get(0).section().id());
    }

    @Test
    void should_report_progress_up_to_the_number_of_texts_it_embeds() {
        // given
        KnowledgeBase kb = TestKnowledge.base();
        List<int[]> reports = new ArrayList<>();

        // when
        index().rebuild(kb, (done, total) -> reports.add(new int[]{done, total}));

        // then
        int total = texts(kb);
        assertEquals(0, reports.get(0)[0]);
        assertEquals(total, reports.get(reports.size() - 1)[0]);
        assertTrue(reports.stream().allMatch(r -> r[1] == total));
    }

    @Test
    void should_keep_answering_from_the_previous_index_while_a_rebuild_is_embedding() {
        // given
        RetrievalIndex index = index();
        index.rebuild(TestKnowledge.base(), IndexProgress.NONE);
        List<String> seenDuringRebuild = new ArrayList<>();
        model.duringNextCall(() -> seenDuringRebuild.addAll(
                index.search("电话响几声要接", 1).stream().map(h -> h.section().id()).toList()));
        String renamed = TestKnowledge.PHONE.replace("## 响铃三声内接听", "## 响铃三声之内接起");

        // when
        index.rebuild(TestKnowledge.base(TestKnowledge.SILENT, renamed, TestKnowledge.COMPLAINT), IndexProgress.NONE);

        // then
        assertEquals(List.of("phone-etiquette#响铃三声内接听"), seenDuringRebuild);
        assertEquals("phone-etiquette#响铃三声之内接起", index.search("电话响几声要接", 1).get(0).section().id());
    }

    @Test
    void should_find_nothing_before_the_first_build() {
        assertEquals(List.of(), index().search("电话响几声要接", 3));
    }
}
