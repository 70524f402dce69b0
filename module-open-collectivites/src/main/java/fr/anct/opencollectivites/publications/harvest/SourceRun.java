package fr.anct.opencollectivites.publications.harvest;

/** What one harvest of one source did; {@code error} is the French message shown to editors, or null. */
public record SourceRun(String source, Status status, int created, int updated, int unchanged, String error) {
    public enum Status {
        OK("ok"), NOT_MODIFIED("notModified"), ERROR("error");

        private final String value;

        Status(String value) {
            this.value = value;
        }

        /** As stored in the source's {@code lastStatus}. */
        public String value() {
            return value;
        }
    }
}
