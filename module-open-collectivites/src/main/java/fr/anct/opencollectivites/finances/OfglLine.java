package fr.anct.opencollectivites.finances;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Comparator;

/**
 * One validated row of an OFGL base, reduced to what is kept: the collectivité on the file's current
 * geography ({@code code}), the exercice, the agrégat (as an index into the file's list of agrégats),
 * the budget it comes from (the SIREN of the collectivité of that exercice: several predecessors of a
 * current EPCI or commune nouvelle each have their line), the three figures as the file wrote them,
 * and the line number for messages.
 */
record OfglLine(String code, String nom, int exercice, int agregat, String budget, String montant,
                String euroParHabitant, long population, long line) {
    static final long NO_POPULATION = -1;

    /** The order of the sorted spill: a collectivité's lines together, then by exercice, agrégat, budget. */
    static final Comparator<OfglLine> ORDER = OfglLine::compare;

    /** Written out rather than composed from key extractors: sorting millions of lines, it is twice as fast. */
    private static int compare(OfglLine a, OfglLine b) {
        int order = a.code.compareTo(b.code);
        if (order == 0) {
            order = Integer.compare(a.exercice, b.exercice);
        }
        if (order == 0) {
            order = Integer.compare(a.agregat, b.agregat);
        }
        if (order == 0) {
            order = a.budget.compareTo(b.budget);
        }
        return order != 0 ? order : Long.compare(a.line, b.line);
    }

    boolean sameValueKey(OfglLine other) {
        return code.equals(other.code) && exercice == other.exercice && agregat == other.agregat;
    }

    void write(DataOutput out) throws IOException {
        out.writeUTF(code);
        out.writeUTF(nom);
        out.writeShort(exercice);
        out.writeInt(agregat);
        out.writeUTF(budget);
        out.writeUTF(montant);
        out.writeUTF(euroParHabitant);
        out.writeLong(population);
        out.writeLong(line);
    }

    static OfglLine read(DataInput in) throws IOException {
        return new OfglLine(in.readUTF(), in.readUTF(), in.readShort(), in.readInt(), in.readUTF(), in.readUTF(),
                in.readUTF(), in.readLong(), in.readLong());
    }
}
