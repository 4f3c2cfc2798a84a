# Generated from forms/ticket_detail.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTabWidget, QTableWidget, QVBoxLayout, QWidget

class Ui_TicketDetailDialog(object):
    def setupUi(self, TicketDetailDialog):
        if not TicketDetailDialog.objectName():
            TicketDetailDialog.setObjectName(u"TicketDetailDialog")
        TicketDetailDialog.resize(1040, 860)
        self.detailLayout = QVBoxLayout(TicketDetailDialog)
        self.detailLayout.setObjectName(u"detailLayout")
        self.factsLayout = QHBoxLayout()
        self.factsLayout.setObjectName(u"factsLayout")
        self.factsLabel = QLabel(TicketDetailDialog)
        self.factsLabel.setObjectName(u"factsLabel")
        self.factsLabel.setText(u"")
        self.factsLabel.setWordWrap(True)
        self.factsLabel.setTextFormat(Qt.RichText)
        self.factsLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.factsLabel.setAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignTop)

        self.factsLayout.addWidget(self.factsLabel)

        self.warrantyLabel = QLabel(TicketDetailDialog)
        self.warrantyLabel.setObjectName(u"warrantyLabel")
        self.warrantyLabel.setText(u"")
        self.warrantyLabel.setWordWrap(True)
        self.warrantyLabel.setTextFormat(Qt.RichText)
        self.warrantyLabel.setAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignTop)

        self.factsLayout.addWidget(self.warrantyLabel)


        self.detailLayout.addLayout(self.factsLayout)

        self.tabs = QTabWidget(TicketDetailDialog)
        self.tabs.setObjectName(u"tabs")
        self.historyTab = QWidget()
        self.historyTab.setObjectName(u"historyTab")
        self.historyLayout = QVBoxLayout(self.historyTab)
        self.historyLayout.setObjectName(u"historyLayout")
        self.timeline = QTableWidget(self.historyTab)
        self.timeline.setObjectName(u"timeline")
        self.timeline.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.timeline.setWordWrap(True)

        self.historyLayout.addWidget(self.timeline)

        self.actionsGroup = QGroupBox(self.historyTab)
        self.actionsGroup.setObjectName(u"actionsGroup")
        self.actionsForm = QFormLayout(self.actionsGroup)
        self.actionsForm.setObjectName(u"actionsForm")
        self.moveLabel = QLabel(self.actionsGroup)
        self.moveLabel.setObjectName(u"moveLabel")

        self.actionsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.moveLabel)

        self.moveLayout = QHBoxLayout()
        self.moveLayout.setObjectName(u"moveLayout")
        self.moveCombo = QComboBox(self.actionsGroup)
        self.moveCombo.setObjectName(u"moveCombo")

        self.moveLayout.addWidget(self.moveCombo)

        self.moveNoteEdit = QLineEdit(self.actionsGroup)
        self.moveNoteEdit.setObjectName(u"moveNoteEdit")

        self.moveLayout.addWidget(self.moveNoteEdit)

        self.moveButton = QPushButton(self.actionsGroup)
        self.moveButton.setObjectName(u"moveButton")

        self.moveLayout.addWidget(self.moveButton)


        self.actionsForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.moveLayout)

        self.technicianLabel = QLabel(self.actionsGroup)
        self.technicianLabel.setObjectName(u"technicianLabel")

        self.actionsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.technicianLabel)

        self.techLayout = QHBoxLayout()
        self.techLayout.setObjectName(u"techLayout")
        self.technicianCombo = QComboBox(self.actionsGroup)
        self.technicianCombo.setObjectName(u"technicianCombo")

        self.techLayout.addWidget(self.technicianCombo)

        self.assignButton = QPushButton(self.actionsGroup)
        self.assignButton.setObjectName(u"assignButton")

        self.techLayout.addWidget(self.assignButton)

        self.uncertainCheck = QCheckBox(self.actionsGroup)
        self.uncertainCheck.setObjectName(u"uncertainCheck")

        self.techLayout.addWidget(self.uncertainCheck)


        self.actionsForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.techLayout)

        self.noteLabel = QLabel(self.actionsGroup)
        self.noteLabel.setObjectName(u"noteLabel")

        self.actionsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteLayout = QHBoxLayout()
        self.noteLayout.setObjectName(u"noteLayout")
        self.noteEdit = QLineEdit(self.actionsGroup)
        self.noteEdit.setObjectName(u"noteEdit")

        self.noteLayout.addWidget(self.noteEdit)

        self.noteButton = QPushButton(self.actionsGroup)
        self.noteButton.setObjectName(u"noteButton")

        self.noteLayout.addWidget(self.noteButton)


        self.actionsForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.noteLayout)

        self.verifyLabel = QLabel(self.actionsGroup)
        self.verifyLabel.setObjectName(u"verifyLabel")

        self.actionsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.verifyLabel)

        self.verifyLayout = QHBoxLayout()
        self.verifyLayout.setObjectName(u"verifyLayout")
        self.verifyFieldsLabel = QLabel(self.actionsGroup)
        self.verifyFieldsLabel.setObjectName(u"verifyFieldsLabel")
        self.verifyFieldsLabel.setText(u"")
        self.verifyFieldsLabel.setWordWrap(True)

        self.verifyLayout.addWidget(self.verifyFieldsLabel)

        self.verifyButton = QPushButton(self.actionsGroup)
        self.verifyButton.setObjectName(u"verifyButton")

        self.verifyLayout.addWidget(self.verifyButton)

        self.respondedButton = QPushButton(self.actionsGroup)
        self.respondedButton.setObjectName(u"respondedButton")

        self.verifyLayout.addWidget(self.respondedButton)


        self.actionsForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.verifyLayout)

        self.printLabel = QLabel(self.actionsGroup)
        self.printLabel.setObjectName(u"printLabel")

        self.actionsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.printLabel)

        self.printLayout = QHBoxLayout()
        self.printLayout.setObjectName(u"printLayout")
        self.printCardButton = QPushButton(self.actionsGroup)
        self.printCardButton.setObjectName(u"printCardButton")

        self.printLayout.addWidget(self.printCardButton)

        self.printPullbackButton = QPushButton(self.actionsGroup)
        self.printPullbackButton.setObjectName(u"printPullbackButton")

        self.printLayout.addWidget(self.printPullbackButton)

        self.printAgreementButton = QPushButton(self.actionsGroup)
        self.printAgreementButton.setObjectName(u"printAgreementButton")

        self.printLayout.addWidget(self.printAgreementButton)

        self.printSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.printLayout.addItem(self.printSpacer)


        self.actionsForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.printLayout)

        self.whereLabel = QLabel(self.actionsGroup)
        self.whereLabel.setObjectName(u"whereLabel")

        self.actionsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.whereLabel)

        self.whereLayout = QHBoxLayout()
        self.whereLayout.setObjectName(u"whereLayout")
        self.whereValueLabel = QLabel(self.actionsGroup)
        self.whereValueLabel.setObjectName(u"whereValueLabel")
        self.whereValueLabel.setText(u"")
        self.whereValueLabel.setWordWrap(True)

        self.whereLayout.addWidget(self.whereValueLabel)

        self.pullBackButton = QPushButton(self.actionsGroup)
        self.pullBackButton.setObjectName(u"pullBackButton")

        self.whereLayout.addWidget(self.pullBackButton)

        self.backButton = QPushButton(self.actionsGroup)
        self.backButton.setObjectName(u"backButton")

        self.whereLayout.addWidget(self.backButton)

        self.lendLoanerButton = QPushButton(self.actionsGroup)
        self.lendLoanerButton.setObjectName(u"lendLoanerButton")

        self.whereLayout.addWidget(self.lendLoanerButton)


        self.actionsForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.whereLayout)


        self.historyLayout.addWidget(self.actionsGroup)

        self.tabs.addTab(self.historyTab, "")
        self.billingTab = QWidget()
        self.billingTab.setObjectName(u"billingTab")
        self.billingLayout = QVBoxLayout(self.billingTab)
        self.billingLayout.setObjectName(u"billingLayout")
        self.billingLayout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.billingTab, "")

        self.detailLayout.addWidget(self.tabs)

        self.messageLabel = QLabel(TicketDetailDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.detailLayout.addWidget(self.messageLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(TicketDetailDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonLayout.addWidget(self.closeButton)


        self.detailLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.moveLabel.setBuddy(self.moveCombo)
        self.technicianLabel.setBuddy(self.technicianCombo)
        self.noteLabel.setBuddy(self.noteEdit)
        self.verifyLabel.setBuddy(self.verifyButton)
        self.printLabel.setBuddy(self.printCardButton)
        self.whereLabel.setBuddy(self.pullBackButton)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.moveCombo, self.moveNoteEdit)
        QWidget.setTabOrder(self.moveNoteEdit, self.moveButton)
        QWidget.setTabOrder(self.moveButton, self.technicianCombo)
        QWidget.setTabOrder(self.technicianCombo, self.assignButton)
        QWidget.setTabOrder(self.assignButton, self.uncertainCheck)
        QWidget.setTabOrder(self.uncertainCheck, self.noteEdit)
        QWidget.setTabOrder(self.noteEdit, self.noteButton)
        QWidget.setTabOrder(self.noteButton, self.verifyButton)
        QWidget.setTabOrder(self.verifyButton, self.respondedButton)
        QWidget.setTabOrder(self.respondedButton, self.timeline)
        QWidget.setTabOrder(self.timeline, self.closeButton)

        self.retranslateUi(TicketDetailDialog)
    # setupUi

    def retranslateUi(self, TicketDetailDialog):
        TicketDetailDialog.setWindowTitle(QCoreApplication.translate("TicketDetailDialog", u"Ticket", None))
        self.actionsGroup.setTitle(QCoreApplication.translate("TicketDetailDialog", u"Next step", None))
        self.moveLabel.setText(QCoreApplication.translate("TicketDetailDialog", u"&Move to", None))
        self.moveNoteEdit.setPlaceholderText(QCoreApplication.translate("TicketDetailDialog", u"note (optional)", None))
        self.moveButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Move", None))
        self.technicianLabel.setText(QCoreApplication.translate("TicketDetailDialog", u"&Technician", None))
        self.assignButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Assign", None))
        self.uncertainCheck.setText(QCoreApplication.translate("TicketDetailDialog", u"Technician not sure of the repair", None))
        self.noteLabel.setText(QCoreApplication.translate("TicketDetailDialog", u"N&ote", None))
        self.noteButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Add note", None))
        self.verifyLabel.setText(QCoreApplication.translate("TicketDetailDialog", u"To verify", None))
        self.verifyButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Mark verified", None))
        self.respondedButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Customer answered", None))
        self.printLabel.setText(QCoreApplication.translate("TicketDetailDialog", u"Print", None))
        self.printCardButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Feedback &card", None))
        self.printPullbackButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Pull-back receipt", None))
        self.printAgreementButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Loaner agreement", None))
        self.whereLabel.setText(QCoreApplication.translate("TicketDetailDialog", u"The product", None))
        self.pullBackButton.setText(QCoreApplication.translate("TicketDetailDialog", u"&Pull back\u2026", None))
        self.backButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Back at the counter", None))
        self.lendLoanerButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Lend a loaner\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.historyTab), QCoreApplication.translate("TicketDetailDialog", u"Timeline and next step", None))
        self.tabs.setTabText(self.tabs.indexOf(self.billingTab), QCoreApplication.translate("TicketDetailDialog", u"Quote and payments", None))
        self.closeButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Close (Esc)", None))
    # retranslateUi

