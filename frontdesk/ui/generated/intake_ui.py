# Generated from forms/intake.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QRadioButton, QScrollArea, QSizePolicy, QSpacerItem, QSpinBox, QTextBrowser, QVBoxLayout, QWidget

class Ui_IntakeScreen(object):
    def setupUi(self, IntakeScreen):
        if not IntakeScreen.objectName():
            IntakeScreen.setObjectName(u"IntakeScreen")
        IntakeScreen.resize(1100, 760)
        self.intakeLayout = QVBoxLayout(IntakeScreen)
        self.intakeLayout.setObjectName(u"intakeLayout")
        self.topLayout = QHBoxLayout()
        self.topLayout.setObjectName(u"topLayout")
        self.walkInRadio = QRadioButton(IntakeScreen)
        self.walkInRadio.setObjectName(u"walkInRadio")
        self.walkInRadio.setChecked(True)

        self.topLayout.addWidget(self.walkInRadio)

        self.phoneRadio = QRadioButton(IntakeScreen)
        self.phoneRadio.setObjectName(u"phoneRadio")

        self.topLayout.addWidget(self.phoneRadio)

        self.kindLabel = QLabel(IntakeScreen)
        self.kindLabel.setObjectName(u"kindLabel")

        self.topLayout.addWidget(self.kindLabel)

        self.kindCombo = QComboBox(IntakeScreen)
        self.kindCombo.setObjectName(u"kindCombo")

        self.topLayout.addWidget(self.kindCombo)

        self.topSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.topLayout.addItem(self.topSpacer)

        self.clockLabel = QLabel(IntakeScreen)
        self.clockLabel.setObjectName(u"clockLabel")
        self.clockLabel.setText(u"")

        self.topLayout.addWidget(self.clockLabel)


        self.intakeLayout.addLayout(self.topLayout)

        self.formScroll = QScrollArea(IntakeScreen)
        self.formScroll.setObjectName(u"formScroll")
        self.formScroll.setFocusPolicy(Qt.NoFocus)
        self.formScroll.setFrameShape(QFrame.NoFrame)
        self.formScroll.setWidgetResizable(True)
        self.formContents = QWidget()
        self.formContents.setObjectName(u"formContents")
        self.formContentsLayout = QVBoxLayout(self.formContents)
        self.formContentsLayout.setObjectName(u"formContentsLayout")
        self.formContentsLayout.setContentsMargins(0, 0, 0, 0)
        self.columns = QHBoxLayout()
        self.columns.setObjectName(u"columns")
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.customerGroup = QGroupBox(self.formContents)
        self.customerGroup.setObjectName(u"customerGroup")
        self.customerLayout = QVBoxLayout(self.customerGroup)
        self.customerLayout.setObjectName(u"customerLayout")
        self.customerForm = QFormLayout()
        self.customerForm.setObjectName(u"customerForm")
        self.nameLabel = QLabel(self.customerGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.customerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.customerGroup)
        self.nameEdit.setObjectName(u"nameEdit")

        self.customerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.phoneLabel = QLabel(self.customerGroup)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.customerForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(self.customerGroup)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.customerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.addressLabel = QLabel(self.customerGroup)
        self.addressLabel.setObjectName(u"addressLabel")

        self.customerForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(self.customerGroup)
        self.addressEdit.setObjectName(u"addressEdit")

        self.customerForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.areaLabel = QLabel(self.customerGroup)
        self.areaLabel.setObjectName(u"areaLabel")

        self.customerForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.areaLabel)

        self.areaEdit = QLineEdit(self.customerGroup)
        self.areaEdit.setObjectName(u"areaEdit")

        self.customerForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.areaEdit)


        self.customerLayout.addLayout(self.customerForm)

        self.matchesLabel = QLabel(self.customerGroup)
        self.matchesLabel.setObjectName(u"matchesLabel")
        self.matchesLabel.setWordWrap(True)

        self.customerLayout.addWidget(self.matchesLabel)

        self.matchesList = QListWidget(self.customerGroup)
        self.matchesList.setObjectName(u"matchesList")
        self.matchesList.setMaximumSize(QSize(16777215, 150))

        self.customerLayout.addWidget(self.matchesList)

        self.historyLabel = QLabel(self.customerGroup)
        self.historyLabel.setObjectName(u"historyLabel")
        self.historyLabel.setWordWrap(True)

        self.customerLayout.addWidget(self.historyLabel)

        self.historyList = QListWidget(self.customerGroup)
        self.historyList.setObjectName(u"historyList")

        self.customerLayout.addWidget(self.historyList)


        self.leftColumn.addWidget(self.customerGroup)


        self.columns.addLayout(self.leftColumn)

        self.middleColumn = QVBoxLayout()
        self.middleColumn.setObjectName(u"middleColumn")
        self.productGroup = QGroupBox(self.formContents)
        self.productGroup.setObjectName(u"productGroup")
        self.productForm = QFormLayout(self.productGroup)
        self.productForm.setObjectName(u"productForm")
        self.categoryLabel = QLabel(self.productGroup)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.productForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryCombo = QComboBox(self.productGroup)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.productForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.categoryCombo)

        self.brandLabel = QLabel(self.productGroup)
        self.brandLabel.setObjectName(u"brandLabel")

        self.productForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.brandLabel)

        self.brandEdit = QLineEdit(self.productGroup)
        self.brandEdit.setObjectName(u"brandEdit")

        self.productForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.brandEdit)

        self.modelLabel = QLabel(self.productGroup)
        self.modelLabel.setObjectName(u"modelLabel")

        self.productForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.modelLabel)

        self.modelEdit = QLineEdit(self.productGroup)
        self.modelEdit.setObjectName(u"modelEdit")

        self.productForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.modelEdit)

        self.serialLabel = QLabel(self.productGroup)
        self.serialLabel.setObjectName(u"serialLabel")

        self.productForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.serialLabel)

        self.serialEdit = QLineEdit(self.productGroup)
        self.serialEdit.setObjectName(u"serialEdit")

        self.productForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.serialEdit)

        self.purchaseLabel = QLabel(self.productGroup)
        self.purchaseLabel.setObjectName(u"purchaseLabel")

        self.productForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.purchaseLabel)

        self.purchaseDateEdit = QLineEdit(self.productGroup)
        self.purchaseDateEdit.setObjectName(u"purchaseDateEdit")

        self.productForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.purchaseDateEdit)

        self.proofLayout = QHBoxLayout()
        self.proofLayout.setObjectName(u"proofLayout")
        self.invoiceCheck = QCheckBox(self.productGroup)
        self.invoiceCheck.setObjectName(u"invoiceCheck")

        self.proofLayout.addWidget(self.invoiceCheck)

        self.cardCheck = QCheckBox(self.productGroup)
        self.cardCheck.setObjectName(u"cardCheck")

        self.proofLayout.addWidget(self.cardCheck)


        self.productForm.setLayout(5, QFormLayout.ItemRole.SpanningRole, self.proofLayout)

        self.cardDateLabel = QLabel(self.productGroup)
        self.cardDateLabel.setObjectName(u"cardDateLabel")

        self.productForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.cardDateLabel)

        self.cardDateEdit = QLineEdit(self.productGroup)
        self.cardDateEdit.setObjectName(u"cardDateEdit")

        self.productForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.cardDateEdit)

        self.cardMonthsLabel = QLabel(self.productGroup)
        self.cardMonthsLabel.setObjectName(u"cardMonthsLabel")

        self.productForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.cardMonthsLabel)

        self.cardMonthsEdit = QSpinBox(self.productGroup)
        self.cardMonthsEdit.setObjectName(u"cardMonthsEdit")
        self.cardMonthsEdit.setMaximum(240)

        self.productForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.cardMonthsEdit)

        self.factoryLabel = QLabel(self.productGroup)
        self.factoryLabel.setObjectName(u"factoryLabel")

        self.productForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.factoryLabel)

        self.factoryDateEdit = QLineEdit(self.productGroup)
        self.factoryDateEdit.setObjectName(u"factoryDateEdit")

        self.productForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.factoryDateEdit)

        self.exclusionLabel = QLabel(self.productGroup)
        self.exclusionLabel.setObjectName(u"exclusionLabel")

        self.productForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.exclusionLabel)

        self.exclusionCombo = QComboBox(self.productGroup)
        self.exclusionCombo.setObjectName(u"exclusionCombo")

        self.productForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.exclusionCombo)

        self.performanceCheck = QCheckBox(self.productGroup)
        self.performanceCheck.setObjectName(u"performanceCheck")
        self.performanceCheck.setChecked(True)

        self.productForm.setWidget(10, QFormLayout.ItemRole.SpanningRole, self.performanceCheck)


        self.middleColumn.addWidget(self.productGroup)

        self.duplicateLayout = QHBoxLayout()
        self.duplicateLayout.setObjectName(u"duplicateLayout")
        self.duplicateLabel = QLabel(self.formContents)
        self.duplicateLabel.setObjectName(u"duplicateLabel")
        self.duplicateLabel.setStyleSheet(u"color: #8a6d00;")
        self.duplicateLabel.setText(u"")
        self.duplicateLabel.setTextFormat(Qt.RichText)
        self.duplicateLabel.setWordWrap(True)
        self.duplicateLabel.setTextInteractionFlags(Qt.LinksAccessibleByKeyboard|Qt.LinksAccessibleByMouse)

        self.duplicateLayout.addWidget(self.duplicateLabel)

        self.openDuplicateButton = QPushButton(self.formContents)
        self.openDuplicateButton.setObjectName(u"openDuplicateButton")

        self.duplicateLayout.addWidget(self.openDuplicateButton)


        self.middleColumn.addLayout(self.duplicateLayout)

        self.faultGroup = QGroupBox(self.formContents)
        self.faultGroup.setObjectName(u"faultGroup")
        self.faultForm = QFormLayout(self.faultGroup)
        self.faultForm.setObjectName(u"faultForm")
        self.faultLabel = QLabel(self.faultGroup)
        self.faultLabel.setObjectName(u"faultLabel")

        self.faultForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.faultLabel)

        self.faultEdit = QPlainTextEdit(self.faultGroup)
        self.faultEdit.setObjectName(u"faultEdit")
        self.faultEdit.setMaximumSize(QSize(16777215, 52))
        self.faultEdit.setTabChangesFocus(True)

        self.faultForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.faultEdit)

        self.faultCategoryLabel = QLabel(self.faultGroup)
        self.faultCategoryLabel.setObjectName(u"faultCategoryLabel")

        self.faultForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.faultCategoryLabel)

        self.faultCategoryCombo = QComboBox(self.faultGroup)
        self.faultCategoryCombo.setObjectName(u"faultCategoryCombo")

        self.faultForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.faultCategoryCombo)

        self.requestLabel = QLabel(self.faultGroup)
        self.requestLabel.setObjectName(u"requestLabel")

        self.faultForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.requestLabel)

        self.requestEdit = QLineEdit(self.faultGroup)
        self.requestEdit.setObjectName(u"requestEdit")

        self.faultForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.requestEdit)

        self.technicianLabel = QLabel(self.faultGroup)
        self.technicianLabel.setObjectName(u"technicianLabel")

        self.faultForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.technicianLabel)

        self.technicianCombo = QComboBox(self.faultGroup)
        self.technicianCombo.setObjectName(u"technicianCombo")

        self.faultForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.technicianCombo)

        self.makerOrderLabel = QLabel(self.faultGroup)
        self.makerOrderLabel.setObjectName(u"makerOrderLabel")

        self.faultForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.makerOrderLabel)

        self.makerOrderEdit = QLineEdit(self.faultGroup)
        self.makerOrderEdit.setObjectName(u"makerOrderEdit")
        self.makerOrderEdit.setMaxLength(60)

        self.faultForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.makerOrderEdit)


        self.middleColumn.addWidget(self.faultGroup)

        self.middleSpacer = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.middleColumn.addItem(self.middleSpacer)


        self.columns.addLayout(self.middleColumn)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.counterGroup = QGroupBox(self.formContents)
        self.counterGroup.setObjectName(u"counterGroup")
        self.counterLayout = QVBoxLayout(self.counterGroup)
        self.counterLayout.setObjectName(u"counterLayout")
        self.conditionLabel = QLabel(self.counterGroup)
        self.conditionLabel.setObjectName(u"conditionLabel")
        self.conditionLabel.setWordWrap(True)

        self.counterLayout.addWidget(self.conditionLabel)

        self.conditionBox = QWidget(self.counterGroup)
        self.conditionBox.setObjectName(u"conditionBox")

        self.counterLayout.addWidget(self.conditionBox)

        self.conditionNoteEdit = QLineEdit(self.counterGroup)
        self.conditionNoteEdit.setObjectName(u"conditionNoteEdit")

        self.counterLayout.addWidget(self.conditionNoteEdit)

        self.accessoriesLabel = QLabel(self.counterGroup)
        self.accessoriesLabel.setObjectName(u"accessoriesLabel")

        self.counterLayout.addWidget(self.accessoriesLabel)

        self.accessoriesBox = QWidget(self.counterGroup)
        self.accessoriesBox.setObjectName(u"accessoriesBox")

        self.counterLayout.addWidget(self.accessoriesBox)

        self.otherAccessoriesEdit = QLineEdit(self.counterGroup)
        self.otherAccessoriesEdit.setObjectName(u"otherAccessoriesEdit")

        self.counterLayout.addWidget(self.otherAccessoriesEdit)

        self.passcodeCheck = QCheckBox(self.counterGroup)
        self.passcodeCheck.setObjectName(u"passcodeCheck")

        self.counterLayout.addWidget(self.passcodeCheck)


        self.rightColumn.addWidget(self.counterGroup)

        self.phoneGroup = QGroupBox(self.formContents)
        self.phoneGroup.setObjectName(u"phoneGroup")
        self.phoneForm = QFormLayout(self.phoneGroup)
        self.phoneForm.setObjectName(u"phoneForm")
        self.whatHappenedLabel = QLabel(self.phoneGroup)
        self.whatHappenedLabel.setObjectName(u"whatHappenedLabel")

        self.phoneForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.whatHappenedLabel)

        self.whatHappenedEdit = QPlainTextEdit(self.phoneGroup)
        self.whatHappenedEdit.setObjectName(u"whatHappenedEdit")
        self.whatHappenedEdit.setMaximumSize(QSize(16777215, 64))
        self.whatHappenedEdit.setTabChangesFocus(True)

        self.phoneForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.whatHappenedEdit)

        self.relatedLabel = QLabel(self.phoneGroup)
        self.relatedLabel.setObjectName(u"relatedLabel")

        self.phoneForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.relatedLabel)

        self.relatedTicketEdit = QLineEdit(self.phoneGroup)
        self.relatedTicketEdit.setObjectName(u"relatedTicketEdit")

        self.phoneForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.relatedTicketEdit)

        self.resolvedCheck = QCheckBox(self.phoneGroup)
        self.resolvedCheck.setObjectName(u"resolvedCheck")

        self.phoneForm.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.resolvedCheck)

        self.misuseCheck = QCheckBox(self.phoneGroup)
        self.misuseCheck.setObjectName(u"misuseCheck")

        self.phoneForm.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.misuseCheck)

        self.visitCheck = QCheckBox(self.phoneGroup)
        self.visitCheck.setObjectName(u"visitCheck")

        self.phoneForm.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.visitCheck)

        self.visitDayLabel = QLabel(self.phoneGroup)
        self.visitDayLabel.setObjectName(u"visitDayLabel")

        self.phoneForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.visitDayLabel)

        self.visitDayEdit = QLineEdit(self.phoneGroup)
        self.visitDayEdit.setObjectName(u"visitDayEdit")

        self.phoneForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.visitDayEdit)

        self.visitWindowLabel = QLabel(self.phoneGroup)
        self.visitWindowLabel.setObjectName(u"visitWindowLabel")

        self.phoneForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.visitWindowLabel)

        self.visitWindowCombo = QComboBox(self.phoneGroup)
        self.visitWindowCombo.setObjectName(u"visitWindowCombo")

        self.phoneForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.visitWindowCombo)


        self.rightColumn.addWidget(self.phoneGroup)

        self.warrantyGroup = QGroupBox(self.formContents)
        self.warrantyGroup.setObjectName(u"warrantyGroup")
        self.warrantyLayout = QVBoxLayout(self.warrantyGroup)
        self.warrantyLayout.setObjectName(u"warrantyLayout")
        self.warrantyView = QTextBrowser(self.warrantyGroup)
        self.warrantyView.setObjectName(u"warrantyView")
        self.warrantyView.setMinimumSize(QSize(0, 120))
        self.warrantyView.setFocusPolicy(Qt.NoFocus)
        self.warrantyView.setFrameShape(QFrame.NoFrame)

        self.warrantyLayout.addWidget(self.warrantyView)


        self.rightColumn.addWidget(self.warrantyGroup)

        self.rightSpacer = QSpacerItem(10, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rightColumn.addItem(self.rightSpacer)

        self.rightColumn.setStretch(2, 1)

        self.columns.addLayout(self.rightColumn)


        self.formContentsLayout.addLayout(self.columns)

        self.formScroll.setWidget(self.formContents)

        self.intakeLayout.addWidget(self.formScroll)

        self.resultLabel = QLabel(IntakeScreen)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setText(u"")
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.intakeLayout.addWidget(self.resultLabel)

        self.bottomLayout = QHBoxLayout()
        self.bottomLayout.setObjectName(u"bottomLayout")
        self.verifyLabel = QLabel(IntakeScreen)
        self.verifyLabel.setObjectName(u"verifyLabel")
        self.verifyLabel.setText(u"")
        self.verifyLabel.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.verifyLabel.sizePolicy().hasHeightForWidth())
        self.verifyLabel.setSizePolicy(sizePolicy)

        self.bottomLayout.addWidget(self.verifyLabel)

        self.clearButton = QPushButton(IntakeScreen)
        self.clearButton.setObjectName(u"clearButton")

        self.bottomLayout.addWidget(self.clearButton)

        self.saveButton = QPushButton(IntakeScreen)
        self.saveButton.setObjectName(u"saveButton")

        self.bottomLayout.addWidget(self.saveButton)


        self.intakeLayout.addLayout(self.bottomLayout)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.nameLabel.setBuddy(self.nameEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.areaLabel.setBuddy(self.areaEdit)
        self.categoryLabel.setBuddy(self.categoryCombo)
        self.brandLabel.setBuddy(self.brandEdit)
        self.modelLabel.setBuddy(self.modelEdit)
        self.serialLabel.setBuddy(self.serialEdit)
        self.purchaseLabel.setBuddy(self.purchaseDateEdit)
        self.cardDateLabel.setBuddy(self.cardDateEdit)
        self.cardMonthsLabel.setBuddy(self.cardMonthsEdit)
        self.factoryLabel.setBuddy(self.factoryDateEdit)
        self.exclusionLabel.setBuddy(self.exclusionCombo)
        self.faultLabel.setBuddy(self.faultEdit)
        self.faultCategoryLabel.setBuddy(self.faultCategoryCombo)
        self.requestLabel.setBuddy(self.requestEdit)
        self.technicianLabel.setBuddy(self.technicianCombo)
        self.makerOrderLabel.setBuddy(self.makerOrderEdit)
        self.whatHappenedLabel.setBuddy(self.whatHappenedEdit)
        self.relatedLabel.setBuddy(self.relatedTicketEdit)
        self.visitDayLabel.setBuddy(self.visitDayEdit)
        self.visitWindowLabel.setBuddy(self.visitWindowCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.walkInRadio, self.phoneRadio)
        QWidget.setTabOrder(self.phoneRadio, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.areaEdit)
        QWidget.setTabOrder(self.areaEdit, self.matchesList)
        QWidget.setTabOrder(self.matchesList, self.historyList)
        QWidget.setTabOrder(self.historyList, self.categoryCombo)
        QWidget.setTabOrder(self.categoryCombo, self.brandEdit)
        QWidget.setTabOrder(self.brandEdit, self.modelEdit)
        QWidget.setTabOrder(self.modelEdit, self.serialEdit)
        QWidget.setTabOrder(self.serialEdit, self.purchaseDateEdit)
        QWidget.setTabOrder(self.purchaseDateEdit, self.invoiceCheck)
        QWidget.setTabOrder(self.invoiceCheck, self.cardCheck)
        QWidget.setTabOrder(self.cardCheck, self.cardDateEdit)
        QWidget.setTabOrder(self.cardDateEdit, self.cardMonthsEdit)
        QWidget.setTabOrder(self.cardMonthsEdit, self.factoryDateEdit)
        QWidget.setTabOrder(self.factoryDateEdit, self.exclusionCombo)
        QWidget.setTabOrder(self.exclusionCombo, self.performanceCheck)
        QWidget.setTabOrder(self.performanceCheck, self.openDuplicateButton)
        QWidget.setTabOrder(self.openDuplicateButton, self.faultEdit)
        QWidget.setTabOrder(self.faultEdit, self.faultCategoryCombo)
        QWidget.setTabOrder(self.faultCategoryCombo, self.requestEdit)
        QWidget.setTabOrder(self.requestEdit, self.technicianCombo)
        QWidget.setTabOrder(self.technicianCombo, self.makerOrderEdit)
        QWidget.setTabOrder(self.makerOrderEdit, self.conditionNoteEdit)
        QWidget.setTabOrder(self.conditionNoteEdit, self.otherAccessoriesEdit)
        QWidget.setTabOrder(self.otherAccessoriesEdit, self.passcodeCheck)
        QWidget.setTabOrder(self.passcodeCheck, self.whatHappenedEdit)
        QWidget.setTabOrder(self.whatHappenedEdit, self.relatedTicketEdit)
        QWidget.setTabOrder(self.relatedTicketEdit, self.resolvedCheck)
        QWidget.setTabOrder(self.resolvedCheck, self.misuseCheck)
        QWidget.setTabOrder(self.misuseCheck, self.visitCheck)
        QWidget.setTabOrder(self.visitCheck, self.visitDayEdit)
        QWidget.setTabOrder(self.visitDayEdit, self.visitWindowCombo)
        QWidget.setTabOrder(self.visitWindowCombo, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.clearButton)

        self.retranslateUi(IntakeScreen)

        self.saveButton.setDefault(True)

    # setupUi

    def retranslateUi(self, IntakeScreen):
        self.walkInRadio.setText(QCoreApplication.translate("IntakeScreen", u"&Walk-in", None))
        self.phoneRadio.setText(QCoreApplication.translate("IntakeScreen", u"Phone &call", None))
        self.kindLabel.setText(QCoreApplication.translate("IntakeScreen", u"Call is a", None))
        self.customerGroup.setTitle(QCoreApplication.translate("IntakeScreen", u"Customer", None))
        self.nameLabel.setText(QCoreApplication.translate("IntakeScreen", u"&Name", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("IntakeScreen", u"name or phone: returning customers show below", None))
        self.phoneLabel.setText(QCoreApplication.translate("IntakeScreen", u"Phon&e", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("IntakeScreen", u"e.g. 138 0013 8000", None))
        self.addressLabel.setText(QCoreApplication.translate("IntakeScreen", u"&Address", None))
        self.areaLabel.setText(QCoreApplication.translate("IntakeScreen", u"A&rea", None))
        self.areaEdit.setPlaceholderText(QCoreApplication.translate("IntakeScreen", u"district, for visits", None))
        self.matchesLabel.setText(QCoreApplication.translate("IntakeScreen", u"Returning customers (Down arrow, Enter to pick)", None))
        self.historyLabel.setText(QCoreApplication.translate("IntakeScreen", u"Their products and earlier tickets (pick a product to reuse it)", None))
        self.productGroup.setTitle(QCoreApplication.translate("IntakeScreen", u"Product", None))
        self.categoryLabel.setText(QCoreApplication.translate("IntakeScreen", u"Categor&y", None))
        self.brandLabel.setText(QCoreApplication.translate("IntakeScreen", u"&Brand", None))
        self.modelLabel.setText(QCoreApplication.translate("IntakeScreen", u"&Model", None))
        self.serialLabel.setText(QCoreApplication.translate("IntakeScreen", u"Seria&l no.", None))
        self.purchaseLabel.setText(QCoreApplication.translate("IntakeScreen", u"&Purchase date", None))
        self.purchaseDateEdit.setPlaceholderText(QCoreApplication.translate("IntakeScreen", u"YYYY-MM-DD", None))
        self.invoiceCheck.setText(QCoreApplication.translate("IntakeScreen", u"&Invoice shown", None))
        self.cardCheck.setText(QCoreApplication.translate("IntakeScreen", u"Warranty car&d shown", None))
        self.cardDateLabel.setText(QCoreApplication.translate("IntakeScreen", u"Card stamp date", None))
        self.cardDateEdit.setPlaceholderText(QCoreApplication.translate("IntakeScreen", u"YYYY-MM-DD", None))
        self.cardMonthsLabel.setText(QCoreApplication.translate("IntakeScreen", u"Card promises (months)", None))
        self.cardMonthsEdit.setSpecialValueText(QCoreApplication.translate("IntakeScreen", u"nothing more", None))
        self.factoryLabel.setText(QCoreApplication.translate("IntakeScreen", u"Factory date", None))
        self.factoryDateEdit.setPlaceholderText(QCoreApplication.translate("IntakeScreen", u"YYYY-MM-DD (phones without proof)", None))
        self.exclusionLabel.setText(QCoreApplication.translate("IntakeScreen", u"Excluded because", None))
        self.performanceCheck.setText(QCoreApplication.translate("IntakeScreen", u"Performance fault (not damage)", None))
        self.openDuplicateButton.setText(QCoreApplication.translate("IntakeScreen", u"&Open that ticket", None))
#if QT_CONFIG(tooltip)
        self.openDuplicateButton.setToolTip(QCoreApplication.translate("IntakeScreen", u"Open the ticket already open for this product instead of taking a new one", None))
#endif // QT_CONFIG(tooltip)
        self.faultGroup.setTitle(QCoreApplication.translate("IntakeScreen", u"Fault and request", None))
        self.faultLabel.setText(QCoreApplication.translate("IntakeScreen", u"Fa&ult", None))
        self.faultEdit.setPlaceholderText(QCoreApplication.translate("IntakeScreen", u"as the customer describes it", None))
        self.faultCategoryLabel.setText(QCoreApplication.translate("IntakeScreen", u"Fault cate&gory", None))
#if QT_CONFIG(tooltip)
        self.faultCategoryCombo.setToolTip(QCoreApplication.translate("IntakeScreen", u"Optional: the fault as the shop classifies it. The \u4e09\u5305 advice then counts the product's earlier repairs of this fault.", None))
#endif // QT_CONFIG(tooltip)
        self.requestLabel.setText(QCoreApplication.translate("IntakeScreen", u"Re&quest", None))
        self.requestEdit.setPlaceholderText(QCoreApplication.translate("IntakeScreen", u"what the customer asks for", None))
        self.technicianLabel.setText(QCoreApplication.translate("IntakeScreen", u"&Technician", None))
        self.makerOrderLabel.setText(QCoreApplication.translate("IntakeScreen", u"Ma&ker's order no.", None))
        self.makerOrderEdit.setPlaceholderText(QCoreApplication.translate("IntakeScreen", u"when the maker dispatched the job (its claim names it)", None))
        self.counterGroup.setTitle(QCoreApplication.translate("IntakeScreen", u"At the counter", None))
        self.conditionLabel.setText(QCoreApplication.translate("IntakeScreen", u"Visible condition, checked with the customer", None))
        self.conditionNoteEdit.setPlaceholderText(QCoreApplication.translate("IntakeScreen", u"other condition notes", None))
        self.accessoriesLabel.setText(QCoreApplication.translate("IntakeScreen", u"Accessories handed over", None))
        self.otherAccessoriesEdit.setPlaceholderText(QCoreApplication.translate("IntakeScreen", u"other accessories, separated by commas", None))
        self.passcodeCheck.setText(QCoreApplication.translate("IntakeScreen", u"Passcode given", None))
        self.phoneGroup.setTitle(QCoreApplication.translate("IntakeScreen", u"Phone call", None))
        self.whatHappenedLabel.setText(QCoreApplication.translate("IntakeScreen", u"What happened", None))
        self.relatedLabel.setText(QCoreApplication.translate("IntakeScreen", u"Ticket asked about", None))
        self.relatedTicketEdit.setPlaceholderText(QCoreApplication.translate("IntakeScreen", u"T2026-000123", None))
        self.resolvedCheck.setText(QCoreApplication.translate("IntakeScreen", u"Resolved on the phone", None))
        self.misuseCheck.setText(QCoreApplication.translate("IntakeScreen", u"Misreport or misuse (the product works)", None))
        self.visitCheck.setText(QCoreApplication.translate("IntakeScreen", u"Book a visit", None))
        self.visitDayLabel.setText(QCoreApplication.translate("IntakeScreen", u"Visit day", None))
        self.visitDayEdit.setPlaceholderText(QCoreApplication.translate("IntakeScreen", u"YYYY-MM-DD", None))
        self.visitWindowLabel.setText(QCoreApplication.translate("IntakeScreen", u"Time window", None))
        self.warrantyGroup.setTitle(QCoreApplication.translate("IntakeScreen", u"Warranty and \u4e09\u5305", None))
        self.clearButton.setText(QCoreApplication.translate("IntakeScreen", u"Clear", None))
        self.saveButton.setText(QCoreApplication.translate("IntakeScreen", u"&Save ticket", None))
        pass
    # retranslateUi

