package fr.anct.opencollectivites.finances;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a file shaped like the OFGL communes base (same 41 columns, ';', UTF-8 with BOM), ordered as
 * the OFGL exports are, by exercice then agrégat, so that a commune's lines are spread over the whole
 * file. Rows: communes × exercices × agrégats. Also a command line: {@code file communes exercices agrégats}.
 */
public final class OfglGenerator {
    static final String HEADER = "Exercice;Outre-mer;Code Insee 2024 Région;Nom 2024 Région;Code Insee 2024 Département;"
            + "Nom 2024 Département;Code Siren 2024 EPCI;Nom 2024 EPCI;Strate population 2024;Commune rurale;"
            + "Commune de montagne;Commune touristique;Tranche revenu par habitant;Présence QPV;Code Insee 2024 Commune;"
            + "Nom 2024 Commune;Catégorie;Code Siren Collectivité;Code Insee Collectivité;Libellé Budget;Agrégat;"
            + "Montant BP;Montant BA;Montant flux BP-BA;Montant;Montant en millions;Population totale;"
            + "Montant en € par habitant;Compte 2024 Disponible;ordre_analyse1_section1;ordre_analyse1_section2;"
            + "ordre_analyse1_section3;ordre_analyse2_section1;ordre_analyse2_section2;ordre_analyse2_section3;"
            + "ordre_analyse3_section1;ordre_analyse3_section2;ordre_analyse3_section3;ordre_analyse4_section1;"
            + "annee_join;Population totale du dernier exercice";

    private OfglGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path file = write(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        System.out.println(file + ": " + Files.size(file) + " bytes");
    }

    public static Path write(Path file, int communes, int exercices, int agregats) throws IOException {
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            out.write('\uFEFF');
            out.write(HEADER);
            out.write('\n');
            StringBuilder row = new StringBuilder(512);
            for (int e = 0; e < exercices; e++) {
                int exercice = 2023 - exercices + 1 + e;
                for (int a = 0; a < agregats; a++) {
                    String agregat = "Agrégat n° " + a + " (recettes et dépenses)";
                    for (int c = 0; c < communes; c++) {
                        row.setLength(0);
                        appendRow(row, exercice, agregat, c, a);
                        out.append(row);
                    }
                }
            }
        }
        return file;
    }

    private static void appendRow(StringBuilder row, int exercice, String agregat, int c, int a) {
        String departement = String.format("%02d", 1 + c % 95);
        String code = departement + String.format("%03d", 1 + c / 95);
        long population = 100 + (c * 37L) % 50_000;
        long cents = (c + 1L) * 100_003L + a * 7_919L + exercice;
        String montant = cents / 100 + "." + String.format("%02d", cents % 100);
        double perInhabitant = (cents / 100.0) / population;
        row.append(exercice).append(";Non;84;Auvergne-Rhône-Alpes;").append(departement).append(";Département ")
                .append(departement).append(";200069193;CC de la Dombes;3;Oui;Non;Non;2;Non;").append(code)
                .append(";Commune ").append(code).append(";Commune;2").append(code.replace('A', '0').replace('B', '0'))
                .append("000;").append(code).append(";COMMUNE ").append(code).append(';').append(agregat).append(';')
                .append(montant).append(";0.0;0.0;").append(montant).append(';').append(cents / 100.0 / 1_000_000)
                .append(';').append(population).append(';').append(perInhabitant)
                .append(";1;;;;").append(a % 7).append(";;;;;;;").append(exercice).append(';').append(population)
                .append('\n');
    }
}
