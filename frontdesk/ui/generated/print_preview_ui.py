# Generated from forms/print_preview.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

class Ui_PrintPreviewDialog(object):
    def setupUi(self, PrintPreviewDialog):
        if not PrintPreviewDialog.objectName():
            PrintPreviewDialog.setObjectName(u"PrintPreviewDialog")
        PrintPreviewDialog.resize(720, 860)
        self.previewLayout = QVBoxLayout(PrintPreviewDialog)
        self.previewLayout.setObjectName(u"previewLayout")
        self.topLayout = QHBoxLayout()
        self.topLayout.setObjectName(u"topLayout")
        self.titleLabel = QLabel(PrintPreviewDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setText(u"")
        self.titleLabel.setTextFormat(Qt.RichText)

        self.topLayout.addWidget(self.titleLabel)

        self.topSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.topLayout.addItem(self.topSpacer)

        self.pagesLabel = QLabel(PrintPreviewDialog)
        self.pagesLabel.setObjectName(u"pagesLabel")
        self.pagesLabel.setText(u"")

        self.topLayout.addWidget(self.pagesLabel)


        self.previewLayout.addLayout(self.topLayout)

        self.viewBox = QWidget(PrintPreviewDialog)
        self.viewBox.setObjectName(u"viewBox")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.viewBox.sizePolicy().hasHeightForWidth())
        self.viewBox.setSizePolicy(sizePolicy)

        self.previewLayout.addWidget(self.viewBox)

        self.messageLabel = QLabel(PrintPreviewDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.previewLayout.addWidget(self.messageLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.printButton = QPushButton(PrintPreviewDialog)
        self.printButton.setObjectName(u"printButton")

        self.buttonLayout.addWidget(self.printButton)

        self.progressBar = QProgressBar(PrintPreviewDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setValue(0)
        self.progressBar.setVisible(False)

        self.buttonLayout.addWidget(self.progressBar)

        self.cancelPrintButton = QPushButton(PrintPreviewDialog)
        self.cancelPrintButton.setObjectName(u"cancelPrintButton")
        self.cancelPrintButton.setVisible(False)

        self.buttonLayout.addWidget(self.cancelPrintButton)

        self.saveButton = QPushButton(PrintPreviewDialog)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonLayout.addWidget(self.saveButton)

        self.buttonSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(PrintPreviewDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonLayout.addWidget(self.closeButton)


        self.previewLayout.addLayout(self.buttonLayout)

        QWidget.setTabOrder(self.printButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.closeButton)

        self.retranslateUi(PrintPreviewDialog)
    # setupUi

    def retranslateUi(self, PrintPreviewDialog):
        PrintPreviewDialog.setWindowTitle(QCoreApplication.translate("PrintPreviewDialog", u"Print preview", None))
        self.printButton.setText(QCoreApplication.translate("PrintPreviewDialog", u"&Print\u2026", None))
        self.cancelPrintButton.setText(QCoreApplication.translate("PrintPreviewDialog", u"Cancel printing", None))
        self.saveButton.setText(QCoreApplication.translate("PrintPreviewDialog", u"&Save as PDF\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("PrintPreviewDialog", u"Close (Esc)", None))
    # retranslateUi

