/* The automated review (lib/creators/review), under the name the submission code imports it by. */
export { reviewPersonaFile, type PublishedPersonaRef, type ReviewFinding, type ReviewReport } from "./review";
