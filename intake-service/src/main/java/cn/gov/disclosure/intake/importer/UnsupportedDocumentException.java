package cn.gov.disclosure.intake.importer;

import java.util.List;

/** The document is of a kind the importer does not read at all (an image, an archive, a .wps file …). */
public final class UnsupportedDocumentException extends ImportException {

    UnsupportedDocumentException(String kindZh) {
        this(kindZh, null);
    }

    UnsupportedDocumentException(String kindZh, Throwable cause) {
        super(
                List.of(new ImportProblem(
                        null,
                        null,
                        List.of(),
                        "无法读取此文件（" + kindZh + "）。可导入的格式：" + DocumentFormat.ACCEPTED_ZH
                                + "。请在 Word 或 WPS 中打开报告，另存为 .docx 后再上传",
                        "this file cannot be read (" + kindZh + "); accepted: " + DocumentFormat.ACCEPTED_EN
                                + "; open the report in Word or WPS, save it as .docx and upload that")),
                cause);
    }
}
