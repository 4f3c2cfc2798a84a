# Generated from forms/export.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

class Ui_ExportDialog(object):
    def setupUi(self, ExportDialog):
        if not ExportDialog.objectName():
            ExportDialog.setObjectName(u"ExportDialog")
        ExportDialog.resize(560, 300)
        self.exportLayout = QVBoxLayout(ExportDialog)
        self.exportLayout.setObjectName(u"exportLayout")
        self.exportForm = QFormLayout()
        self.exportForm.setObjectName(u"exportForm")
        self.fromLabel = QLabel(ExportDialog)
        self.fromLabel.setObjectName(u"fromLabel")

        self.exportForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fromLabel)

        self.fromEdit = QDateEdit(ExportDialog)
        self.fromEdit.setObjectName(u"fromEdit")
        self.fromEdit.setCalendarPopup(True)
        self.fromEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.exportForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.fromEdit)

        self.toLabel = QLabel(ExportDialog)
        self.toLabel.setObjectName(u"toLabel")

        self.exportForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.toLabel)

        self.toEdit = QDateEdit(ExportDialog)
        self.toEdit.setObjectName(u"toEdit")
        self.toEdit.setCalendarPopup(True)
        self.toEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.exportForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.toEdit)

        self.languageLabel = QLabel(ExportDialog)
        self.languageLabel.setObjectName(u"languageLabel")

        self.exportForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageCombo = QComboBox(ExportDialog)
        self.languageCombo.setObjectName(u"languageCombo")

        self.exportForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.languageCombo)

        self.unmaskedCheck = QCheckBox(ExportDialog)
        self.unmaskedCheck.setObjectName(u"unmaskedCheck")

        self.exportForm.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.unmaskedCheck)

        self.fileLabel = QLabel(ExportDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.exportForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileEdit = QLineEdit(ExportDialog)
        self.fileEdit.setObjectName(u"fileEdit")

        self.fileLayout.addWidget(self.fileEdit)

        self.chooseButton = QPushButton(ExportDialog)
        self.chooseButton.setObjectName(u"chooseButton")

        self.fileLayout.addWidget(self.chooseButton)


        self.exportForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.fileLayout)


        self.exportLayout.addLayout(self.exportForm)

        self.progressBar = QProgressBar(ExportDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setValue(0)

        self.exportLayout.addWidget(self.progressBar)

        self.noteLabel = QLabel(ExportDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setText(u"")

        self.exportLayout.addWidget(self.noteLabel)

        self.messageLabel = QLabel(ExportDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.exportLayout.addWidget(self.messageLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.exportButton = QPushButton(ExportDialog)
        self.exportButton.setObjectName(u"exportButton")

        self.buttonLayout.addWidget(self.exportButton)

        self.cancelButton = QPushButton(ExportDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonLayout.addWidget(self.cancelButton)

        self.closeButton = QPushButton(ExportDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonLayout.addWidget(self.closeButton)


        self.exportLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.fromLabel.setBuddy(self.fromEdit)
        self.toLabel.setBuddy(self.toEdit)
        self.languageLabel.setBuddy(self.languageCombo)
        self.fileLabel.setBuddy(self.fileEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.fromEdit, self.toEdit)
        QWidget.setTabOrder(self.toEdit, self.languageCombo)
        QWidget.setTabOrder(self.languageCombo, self.unmaskedCheck)
        QWidget.setTabOrder(self.unmaskedCheck, self.fileEdit)
        QWidget.setTabOrder(self.fileEdit, self.chooseButton)
        QWidget.setTabOrder(self.chooseButton, self.exportButton)
        QWidget.setTabOrder(self.exportButton, self.cancelButton)
        QWidget.setTabOrder(self.cancelButton, self.closeButton)

        self.retranslateUi(ExportDialog)

        self.exportButton.setDefault(True)

    # setupUi

    def retranslateUi(self, ExportDialog):
        ExportDialog.setWindowTitle(QCoreApplication.translate("ExportDialog", u"Head-office workbook", None))
        self.fromLabel.setText(QCoreApplication.translate("ExportDialog", u"F&rom", None))
        self.toLabel.setText(QCoreApplication.translate("ExportDialog", u"&To", None))
        self.languageLabel.setText(QCoreApplication.translate("ExportDialog", u"&Language", None))
        self.unmaskedCheck.setText(QCoreApplication.translate("ExportDialog", u"&Unmasked customer names and phones (a manager approves)", None))
        self.fileLabel.setText(QCoreApplication.translate("ExportDialog", u"&File", None))
        self.chooseButton.setText(QCoreApplication.translate("ExportDialog", u"C&hoose\u2026", None))
        self.exportButton.setText(QCoreApplication.translate("ExportDialog", u"&Export", None))
        self.cancelButton.setText(QCoreApplication.translate("ExportDialog", u"&Cancel export", None))
        self.closeButton.setText(QCoreApplication.translate("ExportDialog", u"Close (Esc)", None))
    # retranslateUi

