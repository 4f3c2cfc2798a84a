# Generated from forms/settlement.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTableView, QTableWidget, QVBoxLayout, QWidget

class Ui_SettlementDialog(object):
    def setupUi(self, SettlementDialog):
        if not SettlementDialog.objectName():
            SettlementDialog.setObjectName(u"SettlementDialog")
        SettlementDialog.resize(980, 640)
        self.settlementLayout = QVBoxLayout(SettlementDialog)
        self.settlementLayout.setObjectName(u"settlementLayout")
        self.topLayout = QHBoxLayout()
        self.topLayout.setObjectName(u"topLayout")
        self.settlementForm = QFormLayout()
        self.settlementForm.setObjectName(u"settlementForm")
        self.makerLabel = QLabel(SettlementDialog)
        self.makerLabel.setObjectName(u"makerLabel")

        self.settlementForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.makerLabel)

        self.makerCombo = QComboBox(SettlementDialog)
        self.makerCombo.setObjectName(u"makerCombo")
        self.makerCombo.setMinimumContentsLength(16)

        self.settlementForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.makerCombo)

        self.fileLabel = QLabel(SettlementDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.settlementForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileEdit = QLineEdit(SettlementDialog)
        self.fileEdit.setObjectName(u"fileEdit")

        self.fileLayout.addWidget(self.fileEdit)

        self.chooseButton = QPushButton(SettlementDialog)
        self.chooseButton.setObjectName(u"chooseButton")

        self.fileLayout.addWidget(self.chooseButton)


        self.settlementForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.fileLayout)

        self.settledLabel = QLabel(SettlementDialog)
        self.settledLabel.setObjectName(u"settledLabel")

        self.settlementForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.settledLabel)

        self.settledEdit = QDateEdit(SettlementDialog)
        self.settledEdit.setObjectName(u"settledEdit")
        self.settledEdit.setCalendarPopup(True)
        self.settledEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.settlementForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.settledEdit)

        self.monthLabel = QLabel(SettlementDialog)
        self.monthLabel.setObjectName(u"monthLabel")

        self.settlementForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.monthLabel)

        self.monthEdit = QDateEdit(SettlementDialog)
        self.monthEdit.setObjectName(u"monthEdit")
        self.monthEdit.setDisplayFormat(u"yyyy-MM")

        self.settlementForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.monthEdit)


        self.topLayout.addLayout(self.settlementForm)

        self.columnsLayout = QVBoxLayout()
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.columnsLabel = QLabel(SettlementDialog)
        self.columnsLabel.setObjectName(u"columnsLabel")

        self.columnsLayout.addWidget(self.columnsLabel)

        self.columnsTable = QTableWidget(SettlementDialog)
        self.columnsTable.setObjectName(u"columnsTable")
        self.columnsTable.setMinimumSize(QSize(420, 120))
        self.columnsTable.setMaximumSize(QSize(16777215, 210))

        self.columnsLayout.addWidget(self.columnsTable)


        self.topLayout.addLayout(self.columnsLayout)


        self.settlementLayout.addLayout(self.topLayout)

        self.actionLayout = QHBoxLayout()
        self.actionLayout.setObjectName(u"actionLayout")
        self.previewButton = QPushButton(SettlementDialog)
        self.previewButton.setObjectName(u"previewButton")

        self.actionLayout.addWidget(self.previewButton)

        self.importButton = QPushButton(SettlementDialog)
        self.importButton.setObjectName(u"importButton")

        self.actionLayout.addWidget(self.importButton)

        self.actionSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionLayout.addItem(self.actionSpacer)

        self.closeButton = QPushButton(SettlementDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.actionLayout.addWidget(self.closeButton)


        self.settlementLayout.addLayout(self.actionLayout)

        self.previewTable = QTableView(SettlementDialog)
        self.previewTable.setObjectName(u"previewTable")
        self.previewTable.setMinimumSize(QSize(0, 120))
        self.previewTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.previewTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.previewTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.previewTable.setAlternatingRowColors(True)

        self.settlementLayout.addWidget(self.previewTable)

        self.totalsLabel = QLabel(SettlementDialog)
        self.totalsLabel.setObjectName(u"totalsLabel")
        self.totalsLabel.setText(u"")
        self.totalsLabel.setWordWrap(True)

        self.settlementLayout.addWidget(self.totalsLabel)

        self.messageLabel = QLabel(SettlementDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.settlementLayout.addWidget(self.messageLabel)

#if QT_CONFIG(shortcut)
        self.makerLabel.setBuddy(self.makerCombo)
        self.fileLabel.setBuddy(self.fileEdit)
        self.settledLabel.setBuddy(self.settledEdit)
        self.monthLabel.setBuddy(self.monthEdit)
        self.columnsLabel.setBuddy(self.columnsTable)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.makerCombo, self.fileEdit)
        QWidget.setTabOrder(self.fileEdit, self.chooseButton)
        QWidget.setTabOrder(self.chooseButton, self.settledEdit)
        QWidget.setTabOrder(self.settledEdit, self.monthEdit)
        QWidget.setTabOrder(self.monthEdit, self.columnsTable)
        QWidget.setTabOrder(self.columnsTable, self.previewButton)
        QWidget.setTabOrder(self.previewButton, self.importButton)
        QWidget.setTabOrder(self.importButton, self.previewTable)
        QWidget.setTabOrder(self.previewTable, self.closeButton)

        self.retranslateUi(SettlementDialog)
    # setupUi

    def retranslateUi(self, SettlementDialog):
        SettlementDialog.setWindowTitle(QCoreApplication.translate("SettlementDialog", u"Import a maker's settlement", None))
        self.makerLabel.setText(QCoreApplication.translate("SettlementDialog", u"&Maker", None))
        self.fileLabel.setText(QCoreApplication.translate("SettlementDialog", u"&Workbook", None))
        self.chooseButton.setText(QCoreApplication.translate("SettlementDialog", u"&Choose\u2026", None))
        self.settledLabel.setText(QCoreApplication.translate("SettlementDialog", u"Settlement &date", None))
#if QT_CONFIG(tooltip)
        self.settledEdit.setToolTip(QCoreApplication.translate("SettlementDialog", u"The maker's date on the settlement: the appeal deadlines run from it", None))
#endif // QT_CONFIG(tooltip)
        self.monthLabel.setText(QCoreApplication.translate("SettlementDialog", u"Mo&nth settled", None))
        self.columnsLabel.setText(QCoreApplication.translate("SettlementDialog", u"Co&lumns: our field \u2192 the workbook's column title", None))
#if QT_CONFIG(tooltip)
        self.previewButton.setToolTip(QCoreApplication.translate("SettlementDialog", u"Read the workbook and show what each row comes to; nothing is written", None))
#endif // QT_CONFIG(tooltip)
        self.previewButton.setText(QCoreApplication.translate("SettlementDialog", u"&Preview", None))
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("SettlementDialog", u"Write the settlement shown (a manager's act) and save the columns for the maker", None))
#endif // QT_CONFIG(tooltip)
        self.importButton.setText(QCoreApplication.translate("SettlementDialog", u"&Import", None))
        self.closeButton.setText(QCoreApplication.translate("SettlementDialog", u"Cl&ose", None))
    # retranslateUi

