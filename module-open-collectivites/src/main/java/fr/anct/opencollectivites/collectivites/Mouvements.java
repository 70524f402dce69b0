package fr.anct.opencollectivites.collectivites;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.jcr.Binary;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.apache.jackrabbit.commons.JcrUtils;

import fr.anct.opencollectivites.repository.Workspaces;

/**
 * The COG mouvements (every commune event since 1943) read as the life of each entity, an entity
 * being a {@code (TYPECOM, code)} pair such as {@code COM 01330}: at each date, the entities that
 * began (after an event, not before it) and those that ended (before, not after). This dates a COG
 * communes file by its content, tells which live communes newer events merged or renumbered, and leads
 * any former code to today's commune. The last mouvements imported are kept compressed under
 * {@code /oc:system/referentiel/mouvements}, so that a later COG file can be dated with them.
 */
final class Mouvements {
    static final String STORE = "/" + Workspaces.SYSTEM + "/referentiel/mouvements";
    private static final String EVENTS = "evenements";

    /**
     * The kinds of event (MOD) that end the entity before it, unless it is also after: suppression
     * (30), fusions (31, 32, 33, 34), suppression of a commune déléguée (35), changes of code (41, 50),
     * commune associée become déléguée (70). The others leave it alive though they list it: a
     * renaming (10), the creation of an entity out of it (20: Marseille's arrondissements, 72), a
     * rétablissement (21, 71).
     */
    private static final Set<String> ENDING = Set.of("30", "31", "32", "33", "34", "35", "41", "50", "70");

    /** One line of the file: an entity before and after an event. */
    record Event(long line, String mod, LocalDate date, String typeBefore, String codeBefore, String nameBefore,
                 String typeAfter, String codeAfter) {

        String before() {
            return codeBefore.isEmpty() ? null : typeBefore + " " + codeBefore;
        }

        String after() {
            return codeAfter.isEmpty() ? null : typeAfter + " " + codeAfter;
        }
    }

    /** How an entity ended: when, and the COM its code went to (the first step, not followed). */
    record Ending(LocalDate date, String successor) {
    }

    /**
     * What a COG file's content says of its date: it lists an entity that ended for good on
     * {@code earliestEnded} (it is older than that), or none ({@code null}: nothing says it is older).
     */
    record Dating(LocalDate earliestEnded, LocalDate latestEvent) {
    }

    private final List<Event> events;
    private final TreeMap<LocalDate, Set<String>> began = new TreeMap<>();
    private final TreeMap<LocalDate, Set<String>> ended = new TreeMap<>();
    /** Entity to the dates it ended, and to those it began. */
    private final Map<String, java.util.TreeSet<LocalDate>> endsOf = new HashMap<>();
    private final Map<String, java.util.TreeSet<LocalDate>> beginsOf = new HashMap<>();
    /** COM code to its successions to another COM code, in date order. */
    private final Map<String, List<Event>> successions = new HashMap<>();

    Mouvements(List<Event> events) {
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(Event::date).thenComparing(Event::line));
        this.events = List.copyOf(sorted);
        Map<LocalDate, Set<String>> before = new HashMap<>();
        Map<LocalDate, Set<String>> listedBefore = new HashMap<>();
        Map<LocalDate, Set<String>> after = new HashMap<>();
        for (Event event : this.events) {
            if (event.before() != null) {
                listedBefore.computeIfAbsent(event.date(), d -> new HashSet<>()).add(event.before());
                if (ENDING.contains(event.mod())) {
                    before.computeIfAbsent(event.date(), d -> new HashSet<>()).add(event.before());
                }
            }
            if (event.after() != null) {
                after.computeIfAbsent(event.date(), d -> new HashSet<>()).add(event.after());
            }
            if (event.typeBefore().equals("COM") && event.typeAfter().equals("COM")
                    && !event.codeAfter().equals(event.codeBefore())) {
                successions.computeIfAbsent(event.codeBefore(), k -> new ArrayList<>()).add(event);
            }
        }
        Set<LocalDate> dates = new HashSet<>(before.keySet());
        dates.addAll(after.keySet());
        for (LocalDate date : dates) {
            Set<String> was = before.getOrDefault(date, Set.of());
            Set<String> is = after.getOrDefault(date, Set.of());
            // "began" errs on the side of life: any entity after an event, unless also before it in the file
            Set<String> newOnes = new HashSet<>(is);
            newOnes.removeAll(listedBefore.getOrDefault(date, Set.of()));
            Set<String> goneOnes = new HashSet<>(was);
            goneOnes.removeAll(is);
            began.put(date, newOnes);
            ended.put(date, goneOnes);
            newOnes.forEach(entity -> beginsOf.computeIfAbsent(entity, k -> new java.util.TreeSet<>()).add(date));
            goneOnes.forEach(entity -> endsOf.computeIfAbsent(entity, k -> new java.util.TreeSet<>()).add(date));
        }
    }

    List<Event> events() {
        return events;
    }

    boolean isEmpty() {
        return events.isEmpty();
    }

    /** The date of the latest event. */
    LocalDate latestDate() {
        return events.get(events.size() - 1).date();
    }

    /**
     * The COG vintage that first includes an event of this date: a COG is "au 1er janvier", so an
     * event of 1 January 2026 is in COG 2026, one of 9 September 2025 too.
     */
    static long vintageOf(LocalDate date) {
        return date.minusDays(1).getYear() + 1L;
    }

    /**
     * Dates a COG communes file by the communes (COM) it lists, against those the mouvements ended for
     * good (merged, renumbered, suppressed, not re-established) in the départements it covers. A file
     * of an earlier year lists the communes ended at every later date: it is older than the earliest
     * date from which, at each date with such communes, it lists at least half of them (and two at
     * least over all). A newer file that lists a few of them (re-established since these mouvements)
     * or a partial file proves nothing by the communes it lacks.
     */
    Dating date(Set<String> listed) {
        Set<String> covered = new HashSet<>();
        for (String entity : listed) {
            if (entity.startsWith("COM ")) {
                covered.add(Codes.bucket(entity.substring(4)));
            }
        }
        TreeMap<LocalDate, int[]> byDate = new TreeMap<>();
        for (Map.Entry<String, java.util.TreeSet<LocalDate>> entry : endsOf.entrySet()) {
            String entity = entry.getKey();
            if (!entity.startsWith("COM ") || !covered.contains(Codes.bucket(entity.substring(4)))) {
                continue;
            }
            Optional<Ending> ending = ending(entity);
            if (ending.isPresent()) {
                int[] counts = byDate.computeIfAbsent(ending.get().date(), d -> new int[2]);
                counts[0]++;
                counts[1] += listed.contains(entity) ? 1 : 0;
            }
        }
        LocalDate earliest = null;
        int listedSince = 0;
        for (Map.Entry<LocalDate, int[]> entry : byDate.descendingMap().entrySet()) {
            int[] counts = entry.getValue();
            if (counts[1] * 2 < counts[0]) {
                break;
            }
            earliest = entry.getKey();
            listedSince += counts[1];
        }
        return new Dating(listedSince >= 2 ? earliest : null, isEmpty() ? null : latestDate());
    }

    /** The vintage of a COG made before this date: the year of the day before it. */
    static long vintageBefore(LocalDate date) {
        return date.minusDays(1).getYear();
    }

    /**
     * How an entity ended, if its last event ended it after {@code since} and it never began again:
     * a live commune that these mouvements merged or renumbered since the COG was made.
     */
    Optional<Ending> endingAfter(String entity, LocalDate since) {
        Optional<Ending> ending = ending(entity);
        if (ending.isEmpty() || (since != null && !ending.get().date().isAfter(since))) {
            return Optional.empty();
        }
        return ending;
    }

    /** How an entity ended, if its last event ended it and it never began again. */
    Optional<Ending> ending(String entity) {
        java.util.TreeSet<LocalDate> ends = endsOf.get(entity);
        if (ends == null) {
            return Optional.empty();
        }
        LocalDate lastEnd = ends.last();
        java.util.TreeSet<LocalDate> begins = beginsOf.get(entity);
        if (begins != null && begins.last().isAfter(lastEnd)) {
            return Optional.empty();
        }
        return Optional.of(new Ending(lastEnd, firstSuccessor(entity, lastEnd)));
    }

    /** The COM an ending event leads an entity to: another code first (a merger), else its own as a COM. */
    private String firstSuccessor(String entity, LocalDate date) {
        String own = null;
        for (Event event : events) {
            if (event.date().equals(date) && entity.equals(event.before()) && event.typeAfter().equals("COM")) {
                if (!event.codeAfter().equals(event.codeBefore())) {
                    return event.codeAfter();
                }
                own = event.codeAfter();
            }
        }
        return own;
    }

    /**
     * Today's commune for a code, following its successions forward in time from {@code start}
     * until a code in {@code live}; null when the chain ends elsewhere (a suppression, a loop).
     */
    String follow(String code, LocalDate start, Set<String> live) {
        String at = code;
        LocalDate since = start == null ? LocalDate.MIN : start;
        Set<String> visited = new HashSet<>();
        while (!live.contains(at)) {
            if (!visited.add(at)) {
                return null;
            }
            Event next = null;
            for (Event event : successions.getOrDefault(at, List.of())) {
                if (!event.date().isBefore(since)) {
                    next = event;
                }
            }
            if (next == null) {
                return null;
            }
            at = next.codeAfter();
            since = next.date();
        }
        return at;
    }

    /** Keeps these mouvements for dating later COG files; the caller saves. */
    void store(Session session) throws RepositoryException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(bytes), StandardCharsets.UTF_8)) {
            for (Event event : events) {
                out.write(event.line() + "," + event.mod() + "," + event.date() + "," + event.typeBefore() + "," + event.codeBefore() + ","
                        + event.typeAfter() + "," + event.codeAfter() + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Node node = JcrUtils.getOrCreateByPath(STORE, "nt:unstructured", session);
        if (node.hasProperty(EVENTS) && sameContent(node, bytes.toByteArray())) {
            return;
        }
        Binary binary = session.getValueFactory().createBinary(new ByteArrayInputStream(bytes.toByteArray()));
        try {
            node.setProperty(EVENTS, binary);
        } finally {
            binary.dispose();
        }
    }

    private static boolean sameContent(Node node, byte[] bytes) throws RepositoryException {
        Binary stored = node.getProperty(EVENTS).getBinary();
        try (InputStream in = stored.getStream()) {
            return java.util.Arrays.equals(in.readAllBytes(), bytes);
        } catch (IOException e) {
            return false;
        } finally {
            stored.dispose();
        }
    }

    /** The mouvements last imported, if any (names are not kept: dating and chains need none). */
    static Optional<Mouvements> stored(Session session) throws RepositoryException {
        if (!session.nodeExists(STORE) || !session.getNode(STORE).hasProperty(EVENTS)) {
            return Optional.empty();
        }
        Binary binary = session.getNode(STORE).getProperty(EVENTS).getBinary();
        List<Event> events = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(binary.getStream())) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                events.add(new Event(Long.parseLong(f[0]), f[1], LocalDate.parse(f[2]), f[3], f[4], "", f[5], f[6]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            binary.dispose();
        }
        return Optional.of(new Mouvements(events));
    }

    /** The codes whose succession chain ends in each live COM, for {@code anciensCodes}. */
    Map<String, Set<String>> formerCodes(Set<String> liveCom) {
        Set<String> candidates = new LinkedHashSet<>();
        for (Event event : events) {
            if (event.typeBefore().equals("COM")) {
                candidates.add(event.codeBefore());
            }
        }
        Map<String, Set<String>> byCurrent = new HashMap<>();
        for (String code : candidates) {
            if (liveCom.contains(code)) {
                continue;
            }
            String end = follow(code, null, liveCom);
            if (end != null) {
                byCurrent.computeIfAbsent(end, k -> new java.util.TreeSet<>()).add(code);
            }
        }
        return byCurrent;
    }
}
